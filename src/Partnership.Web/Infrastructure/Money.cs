using System.Globalization;

namespace Partnership.Web.Infrastructure;

/// <summary>Yen without decimals, with thousands separators: 50,000,000円 / ¥50,000,000.</summary>
public static class Money
{
    public static string Yen(long yen) =>
        Languages.IsJapanese
            ? yen.ToString("#,0", CultureInfo.InvariantCulture) + "円"
            : "¥" + yen.ToString("#,0", CultureInfo.InvariantCulture);
}
