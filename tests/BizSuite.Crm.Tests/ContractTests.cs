using BizSuite.Crm.Contracts;
using BizSuite.Kernel;
using Shouldly;

namespace BizSuite.Crm.Tests;

public sealed class ContractTests
{
    private static Contract DraftWith(IEnumerable<InstallmentTerms> plan, params ContractLine[] lines)
    {
        var contract = Contract.Draft("HT-2026-0001", "ERP 实施", Guid.NewGuid(), "杭州某某科技有限公司", "CNY");
        contract.SetTerms(lines, plan);
        return contract;
    }

    private static ContractLine Line(decimal qty, decimal price, decimal vat = 0.13m, decimal discount = 0m) =>
        ContractLine.Create(null, "服务", qty, price, discount, vat);

    [Fact]
    public void VAT_is_rounded_per_line_half_away_from_zero()
    {
        var line = Line(3, 33.335m, 0.06m);      // net 100.005 → 100.01; VAT 6.0006 → 6.00
        (line.NetAmount, line.VatAmount).ShouldBe((100.01m, 6.00m));

        var discounted = Line(1, 1000m, 0.13m, 0.125m); // 875.00 net, 113.75 VAT
        (discounted.NetAmount, discounted.VatAmount).ShouldBe((875.00m, 113.75m));
    }

    [Fact]
    public void Totals_are_sums_of_rounded_lines()
    {
        var contract = DraftWith([], Line(3, 33.335m, 0.06m), Line(2, 10.005m, 0.13m));
        contract.NetTotal.ShouldBe(100.01m + 20.01m);
        contract.VatTotal.ShouldBe(6.00m + 2.60m);
        contract.GrossTotal.ShouldBe(128.62m);
    }

    [Fact]
    public void A_30_70_plan_adds_up_to_the_cent_with_the_last_installment_taking_the_remainder()
    {
        var contract = DraftWith(
            [new(InstallmentTrigger.OnSigning, 30m, null, null), new(InstallmentTrigger.OnDelivery, 70m, null, null)],
            Line(1, 100.01m, 0m));
        contract.Installments.Select(i => i.Amount).ShouldBe([30.00m, 70.01m]);
        contract.Installments.Sum(i => i.Amount).ShouldBe(contract.GrossTotal);
    }

    [Fact]
    public void Three_equal_installments_of_100_put_the_remaining_cent_on_the_last()
    {
        var thirds = new InstallmentTerms[]
        {
            new(InstallmentTrigger.OnSigning, 33.33m, null, null), new(InstallmentTrigger.OnDelivery, 33.33m, null, null),
            new(InstallmentTrigger.OnDelivery, 33.34m, null, null),
        };
        DraftWith(thirds, Line(1, 100m, 0m)).Installments.Select(i => i.Amount).ShouldBe([33.33m, 33.33m, 33.34m]);
        // 100.01 in the same thirds rounds to 33.33 + 33.33 + 33.34 = 100.00: the last takes the cent left over too.
        DraftWith(thirds, Line(1, 100.01m, 0m)).Installments.Select(i => i.Amount).ShouldBe([33.33m, 33.33m, 33.35m]);
    }

    [Fact]
    public void An_empty_plan_is_everything_on_signing()
    {
        var contract = DraftWith([], Line(2, 50m));
        contract.Installments.ShouldHaveSingleItem().Trigger.ShouldBe(InstallmentTrigger.OnSigning);
        contract.Installments[0].Amount.ShouldBe(113.00m);
    }

    [Theory]
    [InlineData(30, 60)]   // 90 %
    [InlineData(50, 60)]   // 110 %
    public void Percentages_not_summing_to_100_are_refused(int first, int second)
    {
        var error = Should.Throw<BusinessException>(() => DraftWith(
            [new(InstallmentTrigger.OnSigning, first, null, null), new(InstallmentTrigger.OnDelivery, second, null, null)], Line(1, 100m)));
        (error.Code, error.Field).ShouldBe((CrmErrors.CollectionPlanMismatch, "installments"));
    }

    [Fact]
    public void Fixed_amounts_must_match_the_total_and_dated_installments_need_a_date()
    {
        Should.Throw<BusinessException>(() => DraftWith(
            [new(InstallmentTrigger.OnSigning, null, 50m, null), new(InstallmentTrigger.OnDelivery, null, 50m, null)], Line(1, 100m)))
            .Code.ShouldBe(CrmErrors.CollectionPlanMismatch);
        Should.Throw<BusinessException>(() => DraftWith([new(InstallmentTrigger.OnDate, 100m, null, null)], Line(1, 100m)))
            .Code.ShouldBe(CrmErrors.InstallmentDateMissing);
        DraftWith([new(InstallmentTrigger.OnSigning, null, 13m, null), new(InstallmentTrigger.OnDate, null, 100m, new DateOnly(2027, 1, 31))], Line(1, 100m))
            .Installments.Select(i => i.Amount).ShouldBe([13m, 100m]);
    }

    [Fact]
    public void Only_allowed_VAT_rates_are_accepted()
    {
        Should.Throw<BusinessException>(() => Line(1, 100m, 0.17m)).Code.ShouldBe(CrmErrors.InvalidVatRate);
    }

    [Fact]
    public void A_contract_is_signed_only_after_approval_and_signing_raises_the_event_with_lines_and_plan()
    {
        var contract = DraftWith([new(InstallmentTrigger.OnSigning, 30m, null, null), new(InstallmentTrigger.OnDelivery, 70m, null, null)], Line(10, 1000m));
        Should.Throw<BusinessException>(() => contract.Sign(Guid.NewGuid(), new DateOnly(2026, 11, 25))).Code.ShouldBe(CrmErrors.ContractStatusNotAllowed);

        contract.Submit();
        Should.Throw<BusinessException>(() => contract.SetTerms([Line(1, 1m)], [])).Code.ShouldBe(CrmErrors.ContractNotDraft);
        contract.Approve();
        contract.Sign(Guid.NewGuid(), new DateOnly(2026, 11, 25));

        contract.Status.ShouldBe(ContractStatus.Signed);
        var signed = contract.RaisedEvents.Select(e => e.Event).OfType<ContractSigned>().ShouldHaveSingleItem();
        signed.GrossTotal.ShouldBe(11300m);
        signed.Installments.Select(i => (i.Trigger, i.Amount)).ShouldBe([(InstallmentTrigger.OnSigning, 3390m), (InstallmentTrigger.OnDelivery, 7910m)]);
        Should.Throw<BusinessException>(() => contract.Sign(Guid.NewGuid(), new DateOnly(2026, 11, 26))).StatusCode.ShouldBe(409);
    }

    [Fact]
    public void A_rejected_contract_goes_back_to_draft_with_the_comment()
    {
        var contract = DraftWith([], Line(1, 100m));
        contract.Submit();
        contract.Reject("价格过低");
        (contract.Status, contract.RejectionComment).ShouldBe((ContractStatus.Draft, "价格过低"));
        contract.SetTerms([Line(1, 120m)], []);
        contract.Submit();
        contract.RejectionComment.ShouldBeNull();
    }

    [Fact]
    public void Only_a_signed_contract_is_completed_or_terminated_and_termination_keeps_its_reason()
    {
        var contract = DraftWith([], Line(1, 100m));
        Should.Throw<BusinessException>(() => contract.Complete()).Code.ShouldBe(CrmErrors.ContractStatusNotAllowed);
        contract.Submit();
        contract.Approve();
        contract.Sign(Guid.NewGuid(), new DateOnly(2026, 11, 25));

        contract.Terminate(" 客户破产 ");

        (contract.Status, contract.TerminationReason).ShouldBe((ContractStatus.Terminated, "客户破产"));
        contract.RaisedEvents.Select(e => e.Event).OfType<ContractTerminated>().ShouldHaveSingleItem().Reason.ShouldBe("客户破产");
        Should.Throw<BusinessException>(() => contract.Complete()).StatusCode.ShouldBe(409);
    }
}
