using BizSuite.Hr.Expenses;
using BizSuite.Kernel;
using Shouldly;

namespace BizSuite.Hr.Tests;

public sealed class ExpenseClaimTests
{
    private static ExpenseClaim Draft()
    {
        var claim = new ExpenseClaim("BX2026000001", Guid.NewGuid(), "李销售", Guid.NewGuid(), Guid.NewGuid(), "CNY");
        claim.Edit("上海出差", [("Travel", "高铁 杭州-上海", 73.005m, null), ("Meals", "午餐", 45.5m, Guid.NewGuid())]);
        return claim;
    }

    [Fact]
    public void The_total_is_the_sum_of_the_rounded_lines()
    {
        var claim = Draft();
        claim.Lines.Select(l => (l.LineNumber, l.Amount)).ShouldBe([(1, 73.01m), (2, 45.50m)]);
        claim.Total.ShouldBe(118.51m);
        claim.Status.ShouldBe(ExpenseClaimStatus.Draft);
    }

    [Fact]
    public void Approval_raises_the_event_Finance_records_the_payable_from()
    {
        var claim = Draft();
        claim.Submit();
        claim.Approve();
        claim.Status.ShouldBe(ExpenseClaimStatus.Approved);
        var approved = claim.RaisedEvents.Select(e => e.Event).OfType<ExpenseClaimApproved>().ShouldHaveSingleItem();
        (approved.Total, approved.Currency, approved.Lines.Count).ShouldBe((118.51m, "CNY", 2));
        claim.MarkPaid(new DateOnly(2026, 12, 1));
        (claim.Status, claim.PaidOn).ShouldBe((ExpenseClaimStatus.Paid, new DateOnly(2026, 12, 1)));
    }

    [Fact]
    public void A_rejected_claim_goes_back_to_draft_with_the_comment_and_can_be_edited_and_submitted_again()
    {
        var claim = Draft();
        claim.Submit();
        Should.Throw<BusinessException>(() => claim.Edit("改", [("Other", "x", 1m, null)])).Code.ShouldBe("Hr:ExpenseClaimNotDraft");
        claim.SendBack("缺少发票");
        (claim.Status, claim.RejectionComment).ShouldBe((ExpenseClaimStatus.Draft, "缺少发票"));
        claim.Edit("上海出差", [("Travel", "高铁", 73m, Guid.NewGuid())]);
        claim.Submit();
        (claim.Status, claim.RejectionComment, claim.Total).ShouldBe((ExpenseClaimStatus.Submitted, null, 73m));
    }

    [Fact]
    public void Only_a_submitted_claim_is_approved_and_only_an_approved_one_paid()
    {
        var claim = Draft();
        Should.Throw<BusinessException>(() => claim.Approve()).Code.ShouldBe("Hr:ExpenseClaimNotSubmitted");
        Should.Throw<BusinessException>(() => claim.MarkPaid(new DateOnly(2026, 12, 1))).StatusCode.ShouldBe(409);
    }

    [Fact]
    public void Receipts_are_typed_by_their_content_and_limited_to_5_MB()
    {
        var pdf = "%PDF-1.7 ..."u8.ToArray();
        Attachment.Upload("../发票.pdf", pdf, Guid.NewGuid(), DateTime.UtcNow).ShouldSatisfyAllConditions(
            a => a.ContentType.ShouldBe("application/pdf"), a => a.FileName.ShouldBe("发票.pdf"), a => a.Size.ShouldBe(pdf.Length));
        Attachment.Upload("r.jpg", [0xFF, 0xD8, 0xFF, 0xE0, 1, 2], Guid.NewGuid(), DateTime.UtcNow).ContentType.ShouldBe("image/jpeg");
        Should.Throw<BusinessException>(() => Attachment.Upload("evil.pdf", "<html>"u8.ToArray(), Guid.NewGuid(), DateTime.UtcNow)).Code.ShouldBe("Hr:AttachmentType");
        var big = new byte[Attachment.MaxSize + 1];
        "%PDF"u8.CopyTo(big);
        Should.Throw<BusinessException>(() => Attachment.Upload("big.pdf", big, Guid.NewGuid(), DateTime.UtcNow)).Code.ShouldBe("Hr:AttachmentTooLarge");
    }
}
