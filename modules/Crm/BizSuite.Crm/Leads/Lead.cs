using BizSuite.Kernel;
using Microsoft.AspNetCore.Http;

namespace BizSuite.Crm.Leads;

/// <summary>
/// A lead (线索): a company that may buy, not yet a customer. New → contacted → qualified (it became a
/// customer with a contact and an opportunity) or disqualified (with the reason); both outcomes are final.
/// </summary>
[Audited]
internal sealed class Lead : AggregateRoot, IMultiTenant
{
    public Guid? TenantId { get; private set; }
    public string Name { get; private set; } = "";
    public string ContactPerson { get; private set; } = "";
    public string? Phone { get; private set; }
    public string? Email { get; private set; }
    public LeadSource Source { get; private set; }
    public LeadStatus Status { get; private set; }
    public Guid? OwnerId { get; private set; }
    public string? Notes { get; private set; }
    public string? DisqualificationReason { get; private set; }
    /// <summary>The customer this lead became when qualified.</summary>
    public Guid? CustomerId { get; private set; }
    public Guid? OpportunityId { get; private set; }

    private Lead() { }

    public static Lead Create(SaveLeadRequest data, Guid? ownerId)
    {
        var lead = new Lead { Status = LeadStatus.New, OwnerId = ownerId };
        lead.Update(data);
        lead.Raise(new LeadCreated(lead.Id, lead.Name, lead.Source));
        return lead;
    }

    public void Update(SaveLeadRequest data)
    {
        EnsureOpen();
        // Qualified and disqualified are outcomes of their own actions, not something to type in.
        if (data.Status is LeadStatus.Qualified or LeadStatus.Disqualified)
            throw new BusinessException(CrmErrors.InvalidLeadStatus, StatusCodes.Status400BadRequest, data.Status) { Field = "status" };
        Name = data.Name.Trim();
        ContactPerson = data.ContactPerson.Trim();
        Phone = Blank(data.Phone);
        Email = Blank(data.Email);
        Source = data.Source;
        Status = data.Status ?? Status;
        OwnerId = data.OwnerId ?? OwnerId;
        Notes = Blank(data.Notes);
    }

    /// <summary>Checked before the customer is created, so a second qualify is refused without writing anything.</summary>
    public void EnsureOpen()
    {
        if (Status == LeadStatus.Qualified)
            throw new BusinessException(CrmErrors.LeadAlreadyQualified, StatusCodes.Status409Conflict, Name);
        if (Status == LeadStatus.Disqualified)
            throw new BusinessException(CrmErrors.LeadClosed, StatusCodes.Status409Conflict, Name, Status);
    }

    public void Qualify(Guid customerId, Guid contactId, Guid opportunityId)
    {
        EnsureOpen();
        Status = LeadStatus.Qualified;
        CustomerId = customerId;
        OpportunityId = opportunityId;
        Raise(new LeadQualified(Id, customerId, contactId, opportunityId));
    }

    public void Disqualify(string reason)
    {
        EnsureOpen();
        Status = LeadStatus.Disqualified;
        DisqualificationReason = reason.Trim();
        Raise(new LeadDisqualified(Id, DisqualificationReason));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
