using Partnership.Core.Common;

namespace Partnership.UnitTests.Companies;

public class JapaneseInputTests
{
    [Theory]
    [InlineData("０１２３４５６７８９", "0123456789")]
    [InlineData("  123  ", "123")]
    [InlineData("\u3000１２３\u3000", "123")]
    [InlineData("１ ２\u3000３", "123")]
    [InlineData("ＡＢＣ－ｘｙｚ", "ABC-xyz")]
    [InlineData("abc-123", "abc-123")]
    [InlineData("〒１００－０００５", "〒100-0005")]
    [InlineData("", "")]
    [InlineData("   ", "")]
    [InlineData(null, "")]
    public void NormalizeDigits_turns_full_width_digits_and_letters_into_ascii_and_removes_spaces(string? input, string expected) =>
        Assert.Equal(expected, JapaneseInput.NormalizeDigits(input));

    [Theory]
    [InlineData("1\uFF0D2")]
    [InlineData("1\u20102")]
    [InlineData("1\u20112")]
    [InlineData("1\u20122")]
    [InlineData("1\u20132")]
    [InlineData("1\u20142")]
    [InlineData("1\u20152")]
    [InlineData("1\u22122")]
    [InlineData("1\u30FC2")]
    [InlineData("1\uFF702")]
    [InlineData("1-2")]
    public void NormalizeDigits_turns_every_hyphen_and_dash_variant_into_an_ascii_hyphen(string input) =>
        Assert.Equal("1-2", JapaneseInput.NormalizeDigits(input));

    [Theory]
    [InlineData("ｶﾌﾞｼｷｶﾞｲｼｬ", "カブシキガイシャ")]
    [InlineData("ﾄｳｷｮｳﾄ", "トウキョウト")]
    [InlineData("ｶﾞｷﾞｸﾞｹﾞｺﾞ", "ガギグゲゴ")]
    [InlineData("ｻﾞｼﾞｽﾞｾﾞｿﾞ", "ザジズゼゾ")]
    [InlineData("ﾀﾞﾁﾞﾂﾞﾃﾞﾄﾞ", "ダヂヅデド")]
    [InlineData("ﾊﾞﾋﾞﾌﾞﾍﾞﾎﾞ", "バビブベボ")]
    [InlineData("ﾊﾟﾋﾟﾌﾟﾍﾟﾎﾟ", "パピプペポ")]
    [InlineData("ｳﾞｧｲｵﾘﾝ", "ヴァイオリン")]
    [InlineData("ﾜﾞｦﾞ", "ヷヺ")]
    [InlineData("ｧｨｩｪｫｬｭｮｯ", "ァィゥェォャュョッ")]
    [InlineData("ﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜｦﾝ", "マミムメモヤユヨラリルレロワヲン")]
    [InlineData("ｺｰﾋｰ", "コーヒー")]
    [InlineData("ｱ･ｲ", "ア・イ")]
    [InlineData("｡｢｣､", "。「」、")]
    public void ToFullWidthKatakana_turns_half_width_katakana_into_full_width_and_combines_voiced_marks(string input, string expected) =>
        Assert.Equal(expected, JapaneseInput.ToFullWidthKatakana(input));

    [Theory]
    [InlineData("ｱﾞ", "ア゛")]
    [InlineData("ｶﾟ", "カ゜")]
    [InlineData("ﾞ", "゛")]
    public void ToFullWidthKatakana_keeps_a_voiced_mark_that_cannot_combine_as_a_separate_mark(string input, string expected) =>
        Assert.Equal(expected, JapaneseInput.ToFullWidthKatakana(input));

    [Theory]
    [InlineData("とうきょうと", "トウキョウト")]
    [InlineData("かぶしきがいしゃ", "カブシキガイシャ")]
    [InlineData("ぁゔゕゖ", "ァヴヵヶ")]
    [InlineData("ゝゞ", "ヽヾ")]
    [InlineData("とうきょう ﾃﾚﾜｰｸ", "トウキョウ\u3000テレワーク")]
    public void ToFullWidthKatakana_turns_hiragana_into_katakana(string input, string expected) =>
        Assert.Equal(expected, JapaneseInput.ToFullWidthKatakana(input));

    [Theory]
    [InlineData("  ﾄｳｷｮｳ  ", "トウキョウ")]
    [InlineData("\u3000トウキョウ\u3000", "トウキョウ")]
    [InlineData("トウキョウ ト", "トウキョウ\u3000ト")]
    [InlineData("トウキョウ   ト", "トウキョウ\u3000ト")]
    [InlineData("トウキョウ \u3000 \u3000ト", "トウキョウ\u3000ト")]
    [InlineData("ア イ\u3000\u3000ウ", "ア\u3000イ\u3000ウ")]
    public void ToFullWidthKatakana_trims_and_collapses_spaces_into_one_full_width_space(string input, string expected) =>
        Assert.Equal(expected, JapaneseInput.ToFullWidthKatakana(input));

    [Theory]
    [InlineData("トウキョウ", "トウキョウ")]
    [InlineData("ABC ｶﾅ 123", "ABC\u3000カナ\u3000123")]
    [InlineData("", "")]
    [InlineData("   ", "")]
    [InlineData(null, "")]
    public void ToFullWidthKatakana_keeps_full_width_katakana_and_other_characters(string? input, string expected) =>
        Assert.Equal(expected, JapaneseInput.ToFullWidthKatakana(input));

    [Theory]
    [InlineData("トウキョウト")]
    [InlineData("コーヒー")]
    [InlineData("ア・イ")]
    [InlineData("トウキョウ\u3000テレワーク")]
    [InlineData("ヴァイオリン")]
    [InlineData("ァヺ")]
    [InlineData("ヽヾ")]
    public void IsKatakanaReading_accepts_full_width_katakana_long_vowels_middle_dots_and_full_width_spaces(string text) =>
        Assert.True(JapaneseInput.IsKatakanaReading(text));

    [Theory]
    [InlineData("")]
    [InlineData("\u3000")]
    [InlineData("\u3000\u3000")]
    [InlineData("とうきょう")]
    [InlineData("ﾄｳｷｮｳ")]
    [InlineData("トウキョウ ト")]
    [InlineData("東京")]
    [InlineData("ABC")]
    [InlineData("トウキョウ1")]
    [InlineData("トウキョウ-")]
    [InlineData("ア゛")]
    [InlineData("ヿ")]
    [InlineData("ㇰ")]
    public void IsKatakanaReading_refuses_empty_text_spaces_only_and_anything_but_full_width_katakana(string text) =>
        Assert.False(JapaneseInput.IsKatakanaReading(text));

    [Fact]
    public void IsKatakanaReading_refuses_null() =>
        Assert.False(JapaneseInput.IsKatakanaReading(null!));

    [Theory]
    [InlineData("カブシキガイシャ")]
    [InlineData("カブシキカイシャ")]
    [InlineData("ユウゲンガイシャ")]
    [InlineData("ユウゲンカイシャ")]
    [InlineData("ゴウドウガイシャ")]
    [InlineData("ゴウドウカイシャ")]
    [InlineData("ゴウメイガイシャ")]
    [InlineData("ゴウシガイシャ")]
    [InlineData("イッパンシャダンホウジン")]
    [InlineData("イッパンザイダンホウジン")]
    [InlineData("コウエキシャダンホウジン")]
    [InlineData("コウエキザイダンホウジン")]
    [InlineData("トクテイヒエイリカツドウホウジン")]
    [InlineData("エヌピーオーホウジン")]
    public void ContainsLegalFormReading_finds_every_legal_form_reading(string legalForm)
    {
        Assert.True(JapaneseInput.ContainsLegalFormReading(legalForm));
        Assert.True(JapaneseInput.ContainsLegalFormReading("トウキョウテレワーク" + legalForm));
        Assert.True(JapaneseInput.ContainsLegalFormReading(legalForm + "\u3000トウキョウテレワーク"));
    }

    [Theory]
    [InlineData("カブシキガイシャ\u3000トウキョウ")]
    [InlineData("トウキョウ\u3000カブシキ\u3000ガイシャ")]
    [InlineData("トウキョウ カブ シキ ガイシャ")]
    [InlineData("イッパン\u3000シャダン\u3000ホウジン\u3000トウキョウ")]
    [InlineData("エヌ・ピー・オー・ホウジン\u3000トウキョウ")]
    [InlineData("ﾄｳｷｮｳ ｶﾌﾞｼｷｶﾞｲｼｬ")]
    [InlineData("とうきょう ごうどうがいしゃ")]
    public void ContainsLegalFormReading_ignores_spaces_middle_dots_and_kana_width(string reading) =>
        Assert.True(JapaneseInput.ContainsLegalFormReading(reading));

    [Theory]
    [InlineData("トウキョウテレワークスイシンセンター")]
    [InlineData("カブシキ")]
    [InlineData("ガイシャ")]
    [InlineData("ホウジン")]
    [InlineData("トウキョウショウコウカイギショ")]
    [InlineData("カブシキトリヒキ")]
    [InlineData("")]
    public void ContainsLegalFormReading_is_false_for_a_reading_without_a_legal_form(string reading) =>
        Assert.False(JapaneseInput.ContainsLegalFormReading(reading));
}
