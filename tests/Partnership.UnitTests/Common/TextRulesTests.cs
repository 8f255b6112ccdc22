using Partnership.Core.Common;

namespace Partnership.UnitTests.Common;

public class TextRulesTests
{
    [Theory]
    [InlineData("東京テレワーク推進センターの運営")]
    [InlineData("１２３－４５６７　ｶﾅ")]
    [InlineData("複数行の\r\n説明\tです")]
    [InlineData("従業員数 < 10 名、x<1、a <= b")]
    [InlineData("絵文字 😀 と 𠮷")]
    [InlineData("a < b")]
    [InlineData("< svg onload=alert(1)>")]
    [InlineData("家族 👨\u200D👩\u200D👧 と虹の旗 🏳\uFE0F\u200D🌈")]
    [InlineData("❤\uFE0F\u200D🔥")]
    [InlineData("")]
    [InlineData(null)]
    public void Ordinary_Japanese_and_English_text_passes(string? text) =>
        Assert.Equal(TextRules.Problem.None, TextRules.Check(text));

    [Theory]
    [InlineData("abc\u0000")]
    [InlineData("bell\u0007")]
    [InlineData("esc\u001B[31m")]
    [InlineData("c1\u0085")]
    [InlineData("rlo\u202Eevil")]
    [InlineData("rlm\u200F")]
    [InlineData("zero\u200Bwidth")]
    [InlineData("joiner\u200Dbetween letters")]
    [InlineData("\u200D😀")]
    [InlineData("😀\u200D")]
    [InlineData("isolate\u2066x\u2069")]
    [InlineData("bad utf-8 \uFFFD")]
    [InlineData("lone \uD800 surrogate")]
    [InlineData("bom\uFEFF")]
    public void Control_format_and_broken_characters_are_refused(string text) =>
        Assert.Equal(TextRules.Problem.ForbiddenCharacters, TextRules.Check(text));

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("</textarea><b>")]
    [InlineData("a<b")]
    [InlineData("<!-- comment -->")]
    public void Html_tags_are_refused(string text) =>
        Assert.Equal(TextRules.Problem.Markup, TextRules.Check(text));

    [Fact]
    public void Markup_may_be_allowed_where_it_is_never_shown_back_such_as_a_password() =>
        Assert.Equal(TextRules.Problem.None, TextRules.Check("<pass>word1", allowMarkup: true));
}
