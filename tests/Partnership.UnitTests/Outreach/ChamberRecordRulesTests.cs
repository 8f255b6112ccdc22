using Partnership.Core.Documents;
using Partnership.Core.Outreach;

namespace Partnership.UnitTests.Outreach;

public class ChamberRecordRulesTests
{
    [Theory]
    [InlineData("me", "13101", "me", "13102", false, true)] // own record, whatever the branch
    [InlineData("other", "13101", "me", "13101", false, false)] // a colleague's record in my branch: not an ordinary user
    [InlineData("other", "13101", "me", "13101", true, true)] // ... but the branch's manager
    [InlineData("other", "13101", "me", "13102", true, false)] // another branch's manager
    [InlineData("other", "13101", "me", "HQ", true, false)] // headquarters' manager manages headquarters only (ADR 0033)
    [InlineData("other", "HQ", "me", "HQ", true, true)]
    [InlineData("other", "13101", "me", null, true, false)] // a manager without a branch manages nothing
    public void A_record_is_changed_by_whoever_recorded_it_or_the_manager_of_its_branch(string recordedBy, string branch, string editor, string? editorBranch, bool manager, bool may) =>
        Assert.Equal(may, OutreachRules.MayChange(recordedBy, branch, new ChamberEditor(editor, editorBranch, manager)));

    [Fact]
    public void A_manager_keeps_a_colleagues_record_in_the_branch_while_the_author_may_move_their_own()
    {
        var manager = new ChamberEditor("manager", "13101", IsBranchManager: true);
        Assert.False(OutreachRules.MayMoveTo("colleague", "13102", manager));
        Assert.True(OutreachRules.MayMoveTo("colleague", "13101", manager));
        Assert.True(OutreachRules.MayMoveTo("manager", "13102", manager));
    }

    [Theory]
    [InlineData("助成金チラシ.pdf", "application/pdf", "助成金チラシ.pdf")]
    [InlineData("../../../../etc/passwd.pdf", "application/pdf", "passwd.pdf")]
    [InlineData("C:\\Users\\都庁\\ポスター.PNG", "image/png", "ポスター.PNG")]
    [InlineData("写真.jpeg", "image/jpeg", "写真.jpeg")]
    [InlineData("見積書.pdf", "image/png", "見積書.pdf.png")] // the name never claims another type than the content
    [InlineData("ポスター", "image/png", "ポスター.png")]
    [InlineData("a\u202Egnp.pdf", "application/pdf", "attachment.pdf")] // right-to-left override
    [InlineData("<script>.pdf", "application/pdf", "attachment.pdf")]
    [InlineData("\"quoted\".pdf", "application/pdf", "attachment.pdf")]
    [InlineData("", "application/pdf", "attachment.pdf")]
    [InlineData(".hidden.pdf", "application/pdf", "hidden.pdf")]
    public void An_attachments_name_is_flattened_checked_and_ends_in_the_extension_of_its_content(string sent, string type, string kept) =>
        Assert.Equal(kept, DocumentContent.SafeName(sent, type));

    [Fact]
    public void A_very_long_name_is_cut_and_keeps_its_extension()
    {
        var name = DocumentContent.SafeName(new string('資', 300) + ".pdf", "application/pdf");
        Assert.True(name.Length <= PublicityAttachment.FileNameMaxLength);
        Assert.EndsWith(".pdf", name, StringComparison.Ordinal);
    }
}
