using BizSuite.Crm.Opportunities;
using BizSuite.Kernel;
using Shouldly;

namespace BizSuite.Crm.Tests;

public sealed class OpportunityTests
{
    private static Opportunity NewOpportunity(int? probability = null) =>
        Opportunity.Open(Guid.NewGuid(), "ERP 项目", 100_000.005m, "CNY", null, probability, Guid.NewGuid());

    [Fact]
    public void A_new_opportunity_is_prospecting_at_10_percent_with_the_amount_rounded_to_the_cent()
    {
        var opportunity = NewOpportunity();
        (opportunity.Stage, opportunity.Probability, opportunity.Amount).ShouldBe((OpportunityStage.Prospecting, 10, 100_000.01m));
    }

    [Theory]
    [InlineData(OpportunityStage.Qualification, 20)]
    [InlineData(OpportunityStage.Proposal, 50)]
    [InlineData(OpportunityStage.Negotiation, 80)]
    [InlineData(OpportunityStage.Won, 100)]
    public void Moving_takes_the_default_probability_of_the_new_stage(OpportunityStage stage, int probability)
    {
        var opportunity = NewOpportunity(probability: 35);
        opportunity.MoveTo(stage);
        opportunity.Probability.ShouldBe(probability);
    }

    [Fact]
    public void Each_move_raises_the_stage_change_for_the_funnel_and_staying_put_raises_nothing()
    {
        var opportunity = NewOpportunity();
        opportunity.MoveTo(OpportunityStage.Prospecting);
        opportunity.MoveTo(OpportunityStage.Proposal);
        opportunity.RaisedEvents.Select(e => e.Event).OfType<OpportunityStageChanged>().ShouldBe(
            [new OpportunityStageChanged(opportunity.Id, opportunity.CustomerId, OpportunityStage.Prospecting, OpportunityStage.Proposal, 100_000.01m, "CNY")]);
    }

    [Fact]
    public void A_move_may_override_the_probability_of_an_open_stage()
    {
        var opportunity = NewOpportunity();
        opportunity.MoveTo(OpportunityStage.Proposal, probability: 60);
        opportunity.Probability.ShouldBe(60);
    }

    [Fact]
    public void Losing_needs_a_reason_and_sets_the_probability_to_zero()
    {
        var opportunity = NewOpportunity();
        var noReason = Should.Throw<BusinessException>(() => opportunity.MoveTo(OpportunityStage.Lost, "  "));
        (noReason.Code, noReason.StatusCode, noReason.Field).ShouldBe((CrmErrors.LostReasonRequired, 400, "lostReason"));
        opportunity.Stage.ShouldBe(OpportunityStage.Prospecting);

        opportunity.MoveTo(OpportunityStage.Lost, "价格太高");
        (opportunity.Stage, opportunity.Probability, opportunity.LostReason).ShouldBe((OpportunityStage.Lost, 0, "价格太高"));
    }

    [Theory]
    [InlineData(OpportunityStage.Won)]
    [InlineData(OpportunityStage.Lost)]
    public void Won_and_lost_are_final(OpportunityStage final)
    {
        var opportunity = NewOpportunity();
        opportunity.MoveTo(final, "竞争对手中标");

        Should.Throw<BusinessException>(() => opportunity.MoveTo(OpportunityStage.Negotiation)).Code.ShouldBe(CrmErrors.OpportunityClosed);
        Should.Throw<BusinessException>(() => opportunity.Update("x", 1m, "CNY", null, null, null)).StatusCode.ShouldBe(409);
        opportunity.MoveTo(final); // staying where it is changes nothing and is no error
    }

    [Fact]
    public void Only_a_lost_opportunity_keeps_a_lost_reason()
    {
        var opportunity = NewOpportunity();
        opportunity.MoveTo(OpportunityStage.Won, "ignored");
        opportunity.LostReason.ShouldBeNull();
    }
}
