using BizSuite.Hr.Leave;
using BizSuite.Kernel;
using Shouldly;

namespace BizSuite.Hr.Tests;

public sealed class LeaveTests
{
    private static readonly LeaveType Annual = new("年假", 5, true);

    private static LeaveRequest Request(DateOnly from, DateOnly to, LeaveBalance balance, decimal pending = 0) =>
        LeaveRequest.Submit("QJ2026000001", Guid.NewGuid(), "李销售", Guid.NewGuid(), Guid.NewGuid(), Annual, from, to, "回家", balance, pending);

    [Theory]
    [InlineData("2026-12-07", "2026-12-11", 5)] // Monday to Friday
    [InlineData("2026-12-05", "2026-12-06", 0)] // a weekend
    [InlineData("2026-12-04", "2026-12-07", 2)] // Friday to Monday
    [InlineData("2026-12-01", "2026-12-31", 23)]
    [InlineData("2026-12-09", "2026-12-09", 1)]
    [InlineData("2026-12-10", "2026-12-09", 0)] // to before from
    public void Leave_counts_working_days_Monday_to_Friday(string from, string to, int days) =>
        WorkingDays.Between(DateOnly.Parse(from), DateOnly.Parse(to)).ShouldBe(days);

    [Fact]
    public void A_balance_starts_from_the_types_yearly_days()
    {
        var balance = new LeaveBalance(Guid.NewGuid(), Annual, 2026);
        (balance.Entitled, balance.Used, balance.Remaining).ShouldBe((5m, 0m, 5m));
    }

    [Fact]
    public void A_request_within_the_balance_is_pending_with_its_working_days()
    {
        var request = Request(new(2026, 12, 7), new(2026, 12, 9), new LeaveBalance(Guid.NewGuid(), Annual, 2026));
        request.Days.ShouldBe(3);
        request.Status.ShouldBe(LeaveRequestStatus.Pending);
    }

    [Fact]
    public void More_days_than_remain_after_pending_requests_are_refused()
    {
        var balance = new LeaveBalance(Guid.NewGuid(), Annual, 2026);
        Should.Throw<BusinessException>(() => Request(new(2026, 12, 7), new(2026, 12, 14), balance)).Code.ShouldBe("Hr:InsufficientLeaveBalance");
        Should.Throw<BusinessException>(() => Request(new(2026, 12, 7), new(2026, 12, 9), balance, pending: 3)).Code.ShouldBe("Hr:InsufficientLeaveBalance");
        Request(new(2026, 12, 7), new(2026, 12, 8), balance, pending: 3).Days.ShouldBe(2);
    }

    [Fact]
    public void A_weekend_only_request_is_refused()
    {
        var balance = new LeaveBalance(Guid.NewGuid(), Annual, 2026);
        Should.Throw<BusinessException>(() => Request(new(2026, 12, 5), new(2026, 12, 6), balance)).Code.ShouldBe("Hr:NoWorkingDays");
    }

    [Fact]
    public void Approval_takes_the_days_from_the_balance_and_a_decided_request_cannot_be_decided_again()
    {
        var balance = new LeaveBalance(Guid.NewGuid(), Annual, 2026);
        var request = Request(new(2026, 12, 7), new(2026, 12, 8), balance);
        request.Approve("同意", balance);
        (request.Status, balance.Used, balance.Remaining).ShouldBe((LeaveRequestStatus.Approved, 2m, 3m));
        request.RaisedEvents.Select(e => e.Event).OfType<LeaveApproved>().ShouldHaveSingleItem().Days.ShouldBe(2);
        Should.Throw<BusinessException>(() => request.Reject("晚了")).Code.ShouldBe("Hr:LeaveNotPending");
    }

    [Fact]
    public void Rejected_and_withdrawn_requests_leave_the_balance_alone_and_no_longer_overlap()
    {
        var balance = new LeaveBalance(Guid.NewGuid(), Annual, 2026);
        var rejected = Request(new(2026, 12, 7), new(2026, 12, 8), balance);
        rejected.Overlaps(new(2026, 12, 8), new(2026, 12, 10)).ShouldBeTrue();
        rejected.Reject("项目上线");
        (rejected.Status, rejected.DecisionComment, balance.Used).ShouldBe((LeaveRequestStatus.Rejected, "项目上线", 0m));
        rejected.Overlaps(new(2026, 12, 8), new(2026, 12, 10)).ShouldBeFalse();

        var withdrawn = Request(new(2026, 12, 7), new(2026, 12, 8), balance);
        withdrawn.Withdraw();
        withdrawn.Status.ShouldBe(LeaveRequestStatus.Withdrawn);
        balance.Used.ShouldBe(0);
    }

    [Fact]
    public void HR_adjusts_the_entitlement_and_what_was_used_stays()
    {
        var balance = new LeaveBalance(Guid.NewGuid(), Annual, 2026);
        balance.Take(2);
        balance.Adjust(8);
        (balance.Entitled, balance.Used, balance.Remaining).ShouldBe((8m, 2m, 6m));
    }
}
