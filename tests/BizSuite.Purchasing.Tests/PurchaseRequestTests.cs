using BizSuite.Kernel;
using BizSuite.Purchasing.Requests;
using Shouldly;

namespace BizSuite.Purchasing.Tests;

public sealed class PurchaseRequestTests
{
    private static PurchaseRequest Draft(Guid? secondSupplier)
    {
        var request = new PurchaseRequest("QG202600001", Guid.NewGuid(), "李销售", Guid.NewGuid(), "CNY");
        request.Edit(new DateOnly(2026, 12, 20), " 补货 ",
            [new SavePurchaseRequestLine(null, "螺丝", 100m, 0.125m, Guid.NewGuid()), new SavePurchaseRequestLine(null, "扳手", 2m, 35m, secondSupplier)]);
        return request;
    }

    [Fact]
    public void The_estimated_total_is_the_sum_of_rounded_lines()
    {
        var request = Draft(Guid.NewGuid());
        request.Lines.OrderBy(l => l.LineNumber).Select(l => (l.EstimatedUnitPrice, l.Amount)).ShouldBe([(0.13m, 13m), (35m, 70m)]);
        (request.EstimatedTotal, request.Reason, request.Status).ShouldBe((83m, "补货", PurchaseRequestStatus.Draft));
    }

    [Fact]
    public void Submitting_needs_a_supplier_on_every_line()
    {
        var request = Draft(null);
        var refused = Should.Throw<BusinessException>(request.Submit);
        (refused.Code, refused.Field, refused.StatusCode).ShouldBe((PurchasingErrors.LineWithoutSupplier, "lines[1].supplierId", 422));
        request.Status.ShouldBe(PurchaseRequestStatus.Draft);
    }

    [Fact]
    public void Approval_raises_the_event_with_the_orders_and_a_rejection_returns_it_to_draft_with_the_comment()
    {
        var request = Draft(Guid.NewGuid());
        request.Submit();
        Should.Throw<BusinessException>(() => request.Edit(new DateOnly(2026, 12, 20), "x", [])).Code.ShouldBe(PurchasingErrors.RequestNotDraft);
        request.SendBack("预算不足");
        (request.Status, request.RejectionComment, request.ApprovalId).ShouldBe((PurchaseRequestStatus.Draft, "预算不足", null));
        request.Submit();
        request.RejectionComment.ShouldBeNull();
        var orders = new[] { Guid.NewGuid(), Guid.NewGuid() };
        request.Approve(orders);
        request.Status.ShouldBe(PurchaseRequestStatus.Approved);
        request.RaisedEvents.Select(e => e.Event).OfType<PurchaseRequestApproved>().ShouldHaveSingleItem().OrderIds.ShouldBe(orders);
        Should.Throw<BusinessException>(() => request.SendBack(null)).Code.ShouldBe(PurchasingErrors.RequestNotSubmitted);
    }
}
