using BizSuite.Kernel;

namespace BizSuite.Hr.Recruitment;

/// <summary>A job opening (招聘职位) candidates apply to.</summary>
[Audited]
internal sealed class JobOpening : AggregateRoot, IMultiTenant
{
    public Guid? TenantId { get; private set; }
    public string Title { get; private set; } = "";
    public Guid? DepartmentId { get; private set; }
    public int Headcount { get; private set; }
    public string? Description { get; private set; }
    public JobOpeningStatus Status { get; private set; }

    private JobOpening() { }

    public JobOpening(SaveJobOpeningRequest data) => Update(data);

    public void Update(SaveJobOpeningRequest data)
    {
        Title = data.Title.Trim();
        DepartmentId = data.DepartmentId;
        Headcount = data.Headcount;
        Description = string.IsNullOrWhiteSpace(data.Description) ? null : data.Description.Trim();
        Status = data.Status;
    }
}
