namespace Partnership.FunctionalTests.Security;

/// <summary>
/// A hostile value for one field. <see cref="Encoded"/> is the field's value already form-encoded;
/// <see cref="RawBytes"/>, when set, go into the body as they are (invalid UTF-8 the way a broken client sends it). <see cref="MustNotSave"/> is false only where the value may be a legitimate
/// variant of valid input (full-width text), which the portal may accept.
/// </summary>
public sealed record HostileValue(string Label, string Encoded, bool MustNotSave = true, string? MustNotEcho = null, byte[]? RawBytes = null)
{
    public static HostileValue Of(string label, string value, bool mustNotSave = true, string? mustNotEcho = null) =>
        new(label, Uri.EscapeDataString(value), mustNotSave, mustNotEcho);
}

public static class HostileValues
{
    private static readonly HostileValue[] TextValues =
    [
        HostileValue.Of("oversized", new string('あ', 100_000)),
        HostileValue.Of("NUL", "abc\u0000def"),
        HostileValue.Of("terminal escape", "\u001B[2J\u001B[31mred"),
        HostileValue.Of("C1 control", "next\u0085line"),
        HostileValue.Of("right-to-left override", "txt.\u202Eexe"),
        HostileValue.Of("right-to-left mark", "a\u200Fb"),
        new("invalid UTF-8", "", RawBytes: [0xFF, 0xFE, 0xC3, 0x28, 0x61]),
        new("overlong UTF-8", "", RawBytes: [0xC0, 0xAF, 0xE0, 0x80, 0xAF]),
        HostileValue.Of("script", "<script>alert('xss')</script>", mustNotEcho: "<script>alert('xss')"),
        HostileValue.Of("HTML", "<img src=x onerror=alert(1)>", mustNotEcho: "<img src=x onerror"),
        HostileValue.Of("closing tag", "\"></textarea><svg onload=alert(1)>", mustNotEcho: "<svg onload"),
        HostileValue.Of("full-width", "ｔｅｓｔ１２３－４５６７", mustNotSave: false),
        HostileValue.Of("half-width kana", "ﾃｽﾄｶﾌﾞｼｷｶﾞｲｼｬ", mustNotSave: false),
    ];

    private static readonly HostileValue[] NumberValues =
    [
        HostileValue.Of("negative", "-1"),
        HostileValue.Of("huge", "99999999999999999999999"),
        HostileValue.Of("non-numeric", "abc"),
        HostileValue.Of("exponent", "1e3"),
        HostileValue.Of("decimal", "2021.5"),
        HostileValue.Of("script", "<script>alert(1)</script>", mustNotEcho: "<script>alert(1)"),
        HostileValue.Of("full-width digits", "２０２１", mustNotSave: false),
    ];

    private static readonly HostileValue[] EnumValues =
    [
        HostileValue.Of("undefined number", "99"),
        HostileValue.Of("negative", "-1"),
        HostileValue.Of("unknown name", "NoSuchKind"),
        HostileValue.Of("script", "<script>alert(1)</script>", mustNotEcho: "<script>alert(1)"),
    ];

    private static readonly HostileValue[] GuidValues =
    [
        HostileValue.Of("not a guid", "not-a-guid"),
        HostileValue.Of("empty guid", Guid.Empty.ToString()),
        HostileValue.Of("script", "<script>alert(1)</script>", mustNotEcho: "<script>alert(1)"),
    ];

    private static readonly HostileValue[] DateValues =
    [
        HostileValue.Of("impossible date", "2021-02-30"),
        HostileValue.Of("far future", "9999-12-31"),
        HostileValue.Of("far past", "0001-01-01"),
        HostileValue.Of("not a date", "yesterday"),
    ];

    public static IReadOnlyList<HostileValue> For(FieldKind kind) => kind switch
    {
        FieldKind.Number => NumberValues,
        FieldKind.Enum => EnumValues,
        FieldKind.Guid => GuidValues,
        FieldKind.Date => DateValues,
        _ => TextValues,
    };
}
