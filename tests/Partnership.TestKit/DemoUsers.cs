namespace Partnership.TestKit;

/// <summary>The demo accounts seeded in Development (see README).</summary>
public static class DemoUsers
{
    public const string Company = "company@demo.example.jp";
    public const string OtherCompany = "company2@demo.example.jp";
    public const string Chamber = "chamber@demo.example.jp";
    public const string Metro = "metro@demo.example.jp";
    public const string Admin = "admin@demo.example.jp";
    public const string Expert = "expert@demo.example.jp";
}
