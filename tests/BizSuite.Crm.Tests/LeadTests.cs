using BizSuite.Crm.Leads;
using BizSuite.Kernel;
using Shouldly;

namespace BizSuite.Crm.Tests;

public sealed class LeadTests
{
    private static readonly Guid Owner = Guid.NewGuid();

    private static SaveLeadRequest Data(LeadStatus? status = null) =>
        new(" 杭州某某科技 ", "张经理", "13800000000", " zhang@example.cn ", LeadSource.Exhibition, status, null, null);

    [Fact]
    public void A_new_lead_belongs_to_its_creator_and_is_trimmed()
    {
        var lead = Lead.Create(Data(), Owner);
        (lead.Status, lead.OwnerId, lead.Name, lead.Email).ShouldBe((LeadStatus.New, Owner, "杭州某某科技", "zhang@example.cn"));
    }

    [Fact]
    public void Qualifying_links_the_customer_and_raises_LeadQualified()
    {
        var lead = Lead.Create(Data(LeadStatus.Contacted), Owner);
        var (customer, contact, opportunity) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

        lead.Qualify(customer, contact, opportunity);

        (lead.Status, lead.CustomerId, lead.OpportunityId).ShouldBe((LeadStatus.Qualified, customer, opportunity));
        lead.RaisedEvents.Select(e => e.Event.GetType().Name).ShouldBe(["LeadCreated", "LeadQualified"], "creation is measured too (Insights)");
        lead.RaisedEvents[^1].Event.ShouldBe(new LeadQualified(lead.Id, customer, contact, opportunity));
    }

    [Fact]
    public void A_lead_is_qualified_once()
    {
        var lead = Lead.Create(Data(), Owner);
        lead.Qualify(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

        var twice = Should.Throw<BusinessException>(() => lead.Qualify(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()));
        (twice.Code, twice.StatusCode).ShouldBe((CrmErrors.LeadAlreadyQualified, 409));
        Should.Throw<BusinessException>(() => lead.Disqualify("重复")).StatusCode.ShouldBe(409);
        Should.Throw<BusinessException>(() => lead.Update(Data())).StatusCode.ShouldBe(409);
    }

    [Fact]
    public void A_disqualified_lead_keeps_its_reason_and_cannot_be_qualified()
    {
        var lead = Lead.Create(Data(), Owner);
        lead.Disqualify(" 无预算 ");
        (lead.Status, lead.DisqualificationReason).ShouldBe((LeadStatus.Disqualified, "无预算"));
        Should.Throw<BusinessException>(() => lead.Qualify(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid())).Code.ShouldBe(CrmErrors.LeadClosed);
    }

    [Theory]
    [InlineData(LeadStatus.Qualified)]
    [InlineData(LeadStatus.Disqualified)]
    public void The_outcome_statuses_are_not_typed_in(LeadStatus status)
    {
        var error = Should.Throw<BusinessException>(() => Lead.Create(Data(status), Owner));
        (error.Code, error.StatusCode, error.Field).ShouldBe((CrmErrors.InvalidLeadStatus, 400, "status"));
    }
}
