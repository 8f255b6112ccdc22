namespace Partnership.FunctionalTests.Security;

/// <summary>Who may call an endpoint.</summary>
public enum Caller
{
    /// <summary>Anyone, signed in or not.</summary>
    Anyone,
    /// <summary>Any signed-in user, whatever the role.</summary>
    SignedIn,
    Company,
    Chamber,
    Metro,
    Admin,
    /// <summary>Anyone, in Development only; 404 in every other environment.</summary>
    DevelopmentOnly,
}

public enum FieldKind
{
    Text,
    Email,
    Password,
    Number,
    Enum,
    Guid,
    Date,
}

/// <summary>A form field with a value that passes validation; the harness swaps in hostile values one field at a time.</summary>
public sealed record FormField(string Name, FieldKind Kind, Func<SampleData, string> Valid);

/// <summary>
/// One row of the table: method, route pattern as the routing system has it, who may call it, whether it
/// changes data, a concrete request (placeholders filled from seeded data), the status an allowed caller gets,
/// and for forms the fields.
/// </summary>
public sealed record EndpointRule(
    string Method,
    string Route,
    Caller Who,
    bool Changes,
    Func<SampleData, string> Sample,
    int AllowedStatus = 200,
    IReadOnlyList<FormField>? Fields = null)
{
    public bool Permits(Principal principal) => Who switch
    {
        Caller.Anyone or Caller.DevelopmentOnly => true,
        Caller.SignedIn => principal != Principal.Anonymous,
        Caller.Company => principal == Principal.Company,
        Caller.Chamber => principal == Principal.Chamber,
        Caller.Metro => principal == Principal.Metro,
        Caller.Admin => principal == Principal.Admin,
        _ => false,
    };

    public override string ToString() => $"{Method} {Route}";
}

/// <summary>
/// THE table: every endpoint the portal maps, classified. A route the app maps without a row here fails
/// <see cref="SecurityHarnessTests.Every_mapped_endpoint_is_classified_in_the_table"/>, so no feature can forget it.
/// </summary>
public static class EndpointTable
{
    private static EndpointRule Read(string method, string route, Caller who, Func<SampleData, string>? sample = null, int status = 200) =>
        new(method, route, who, Changes: false, sample ?? (_ => route), status);

    private static EndpointRule Change(string method, string route, Caller who, IReadOnlyList<FormField> fields, Func<SampleData, string>? sample = null) =>
        new(method, route, who, Changes: true, sample ?? (_ => route), 200, fields);

    private static FormField Text(string name, string valid) => new(name, FieldKind.Text, _ => valid);

    public static readonly IReadOnlyList<EndpointRule> Rules =
    [
        // Public pages and open data
        Read("GET", "/", Caller.Anyone),
        Read("ANY", "/{*path:nonfile}", Caller.Anyone, _ => "/no-such-page", status: 404),
        Read("GET", "/catalog", Caller.Anyone),
        Read("GET", "/catalog/areas/{code}", Caller.Anyone, _ => "/catalog/areas/telework"),
        Read("GET", "/catalog/measures/{id:int}", Caller.Anyone, s => $"/catalog/measures/{s.MeasureId}"),
        Read("GET", "/api/v1/catalog/areas", Caller.Anyone),
        Read("GET", "/api/v1/catalog/measures", Caller.Anyone, _ => "/api/v1/catalog/measures?fiscalYear=2021"),
        Read("GET", "/openapi/{documentName}.json", Caller.Anyone, _ => "/openapi/v1.json"),
        Read("ANY", "/health", Caller.Anyone),
        Read("GET", "/language", Caller.Anyone, _ => "/language?culture=en&returnUrl=%2Fcatalog", status: 302),
        Read("ANY", "/error", Caller.Anyone, status: 404),
        Read("ANY", "/error/{statusCode:int}", Caller.Anyone, _ => "/error/404", status: 404),
        Read("GET", "/dev/mail", Caller.DevelopmentOnly),

        // Account
        Read("GET", "/account/login", Caller.Anyone),
        Change("POST", "/account/login", Caller.Anyone,
            [new("Email", FieldKind.Email, _ => "nobody@demo.example.jp"), new("Password", FieldKind.Password, _ => "wrong-pass-123"), Text("ReturnUrl", "/me")]),
        Change("POST", "/account/logout", Caller.Anyone, []),
        Read("GET", "/account/forgot-password", Caller.Anyone),
        Change("POST", "/account/forgot-password", Caller.Anyone,
            [new("Email", FieldKind.Email, _ => "nobody@demo.example.jp")]),
        Read("GET", "/account/forgot-password/sent", Caller.Anyone),
        Read("GET", "/account/reset-password", Caller.Anyone, _ => "/account/reset-password?token=abc&email=nobody%40demo.example.jp"),
        Change("POST", "/account/reset-password", Caller.Anyone,
            [new("Email", FieldKind.Email, _ => "nobody@demo.example.jp"), Text("Token", "abc"),
             new("Password", FieldKind.Password, _ => "new-pass-4567"), new("ConfirmPassword", FieldKind.Password, _ => "new-pass-4567")]),
        Read("GET", "/account/reset-password/done", Caller.Anyone),
        Read("GET", "/account/access-denied", Caller.Anyone, status: 403),
        Read("GET", "/account/lockout", Caller.Anyone),

        // Signed-in
        Read("GET", "/me", Caller.SignedIn),

        // Metro officials: the catalog
        Read("GET", "/catalog/manage", Caller.Metro),
        Read("GET", "/catalog/manage/measures/{id:int}/edit", Caller.Metro, s => $"/catalog/manage/measures/{s.MeasureId}/edit"),
        Change("POST", "/catalog/manage/measures/{id:int}/edit", Caller.Metro,
            [Text("TitleJa", "東京テレワーク推進センターの運営"), Text("TitleEn", "Running the Tokyo Telework Promotion Center"),
             new("Kind", FieldKind.Enum, _ => "SupportHub"), new("Version", FieldKind.Guid, s => s.MeasureVersion())],
            s => $"/catalog/manage/measures/{s.MeasureId}/edit"),
        Read("GET", "/catalog/manage/measures/new", Caller.Metro, _ => "/catalog/manage/measures/new?fiscalYear=2021&areaCode=TELEWORK&side=Metro"),
        Change("POST", "/catalog/manage/measures/new", Caller.Metro,
            [new("FiscalYear", FieldKind.Number, _ => "2021"), Text("AreaCode", "TELEWORK"), new("Side", FieldKind.Enum, _ => "Metro"),
             new("ParentId", FieldKind.Number, s => s.MeasureId.ToString()), new("Kind", FieldKind.Enum, _ => "Event"),
             Text("TitleJa", "見学会の実施"), Text("TitleEn", "Tours")]),
        Change("POST", "/catalog/manage/plans/next", Caller.Metro,
            [new("fromFiscalYear", FieldKind.Number, s => s.LatestFiscalYear().ToString())]),

        // Administrators
        Read("GET", "/admin/outbox", Caller.Admin),
    ];
}
