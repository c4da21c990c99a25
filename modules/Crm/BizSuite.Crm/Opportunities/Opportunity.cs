using BizSuite.Crm.Contracts;
using BizSuite.Kernel;
using Microsoft.AspNetCore.Http;

namespace BizSuite.Crm.Opportunities;

/// <summary>
/// An opportunity (商机): a possible deal with a customer, moved through the sales stages on the kanban.
/// Each stage has a default win probability (overridable); Won and Lost are final, and Lost needs its reason.
/// </summary>
[Audited]
internal sealed class Opportunity : AggregateRoot, IMultiTenant
{
    public static readonly IReadOnlyDictionary<OpportunityStage, int> DefaultProbability = new Dictionary<OpportunityStage, int>
    {
        [OpportunityStage.Prospecting] = 10,
        [OpportunityStage.Qualification] = 20,
        [OpportunityStage.Proposal] = 50,
        [OpportunityStage.Negotiation] = 80,
        [OpportunityStage.Won] = 100,
        [OpportunityStage.Lost] = 0,
    };

    public Guid? TenantId { get; private set; }
    public Guid CustomerId { get; private set; }
    public string Name { get; private set; } = "";
    public decimal Amount { get; private set; }
    public string Currency { get; private set; } = "CNY";
    public OpportunityStage Stage { get; private set; }
    /// <summary>Win probability in percent, for the weighted pipeline.</summary>
    public int Probability { get; private set; }
    public DateOnly? ExpectedCloseDate { get; private set; }
    public Guid? OwnerId { get; private set; }
    public string? LostReason { get; private set; }

    public bool IsClosed => Stage is OpportunityStage.Won or OpportunityStage.Lost;

    private Opportunity() { }

    public static Opportunity Open(Guid customerId, string name, decimal amount, string currency, DateOnly? expectedCloseDate, int? probability, Guid? ownerId)
    {
        var opportunity = new Opportunity { CustomerId = customerId, Stage = OpportunityStage.Prospecting, Currency = currency };
        opportunity.Update(name, amount, currency, expectedCloseDate, probability, ownerId);
        opportunity.Raise(new OpportunityOpened(opportunity.Id, customerId, opportunity.Name, opportunity.Amount, currency));
        return opportunity;
    }

    public void Update(string name, decimal amount, string currency, DateOnly? expectedCloseDate, int? probability, Guid? ownerId)
    {
        EnsureOpen();
        Name = name.Trim();
        Amount = Money.Round(amount);
        Currency = currency;
        ExpectedCloseDate = expectedCloseDate;
        Probability = probability ?? DefaultProbability[Stage];
        OwnerId = ownerId ?? OwnerId;
    }

    /// <summary>
    /// A move takes the new stage's default probability unless one is given: an override was a judgement
    /// about the old stage.
    /// </summary>
    public void MoveTo(OpportunityStage stage, string? lostReason = null, int? probability = null)
    {
        if (stage == Stage) return;
        EnsureOpen();
        if (stage == OpportunityStage.Lost && string.IsNullOrWhiteSpace(lostReason))
            throw new BusinessException(CrmErrors.LostReasonRequired, StatusCodes.Status400BadRequest) { Field = "lostReason" };
        Raise(new OpportunityStageChanged(Id, CustomerId, Stage, stage, Amount, Currency));
        Stage = stage;
        LostReason = stage == OpportunityStage.Lost ? lostReason!.Trim() : null;
        Probability = IsClosed ? DefaultProbability[stage] : probability ?? DefaultProbability[stage];
    }

    private void EnsureOpen()
    {
        if (IsClosed) throw new BusinessException(CrmErrors.OpportunityClosed, StatusCodes.Status409Conflict, Name, Stage);
    }
}
