using BizSuite.Hr.Employees;
using BizSuite.Kernel;
using Microsoft.AspNetCore.Http;

namespace BizSuite.Hr.Expenses;

/// <summary>
/// An expense claim (费用报销单): drafted and edited by the employee, submitted for approval, approved (Finance then owes
/// the employee), paid by Finance. A rejection or withdrawal sends it back to draft with the approver's comment.
/// </summary>
[Audited]
internal sealed class ExpenseClaim : AggregateRoot, IMultiTenant, IEmployeeDocument
{
    private readonly List<ExpenseLine> _lines = [];

    public Guid? TenantId { get; private set; }
    public string Number { get; private set; } = "";
    public Guid EmployeeId { get; private set; }
    public string EmployeeName { get; private set; } = "";
    public Guid? DepartmentId { get; private set; }
    public Guid ApplicantUserId { get; private set; }
    public string Title { get; private set; } = "";
    public string Currency { get; private set; } = "";
    public decimal Total { get; private set; }
    public ExpenseClaimStatus Status { get; private set; }
    public Guid? ApprovalId { get; private set; }
    public string? RejectionComment { get; private set; }
    public DateOnly? PaidOn { get; private set; }
    /// <summary>In no particular order once loaded: read them by <see cref="ExpenseLine.LineNumber"/>.</summary>
    public IReadOnlyList<ExpenseLine> Lines => _lines;

    private ExpenseClaim() { }

    public ExpenseClaim(string number, Guid employeeId, string employeeName, Guid? departmentId, Guid applicantUserId, string currency)
    {
        Number = number;
        EmployeeId = employeeId;
        EmployeeName = employeeName;
        DepartmentId = departmentId;
        ApplicantUserId = applicantUserId;
        Currency = currency;
        Status = ExpenseClaimStatus.Draft;
    }

    /// <summary>Only a draft is edited; the total is always the sum of the lines.</summary>
    public void Edit(string title, IReadOnlyList<(string Category, string Description, decimal Amount, Guid? AttachmentId)> lines)
    {
        EnsureStatus(ExpenseClaimStatus.Draft);
        Title = title.Trim();
        _lines.Clear();
        _lines.AddRange(lines.Select((l, i) => new ExpenseLine(i + 1, l.Category, l.Description.Trim(), Money.Round(l.Amount), l.AttachmentId)));
        Total = _lines.Sum(l => l.Amount);
    }

    public void Submit()
    {
        EnsureStatus(ExpenseClaimStatus.Draft);
        Status = ExpenseClaimStatus.Submitted;
        RejectionComment = null;
    }

    public void AwaitApproval(Guid approvalId) => ApprovalId = approvalId;

    public void Approve()
    {
        EnsureStatus(ExpenseClaimStatus.Submitted);
        Status = ExpenseClaimStatus.Approved;
        Raise(new ExpenseClaimApproved(Id, Number, EmployeeId, EmployeeName, Currency, Total,
            _lines.OrderBy(l => l.LineNumber).Select(l => new ExpenseClaimLineData(l.Category, l.Description, l.Amount)).ToList()));
    }

    /// <summary>Rejected or withdrawn: back to draft, to be corrected and submitted again.</summary>
    public void SendBack(string? comment)
    {
        EnsureStatus(ExpenseClaimStatus.Submitted);
        Status = ExpenseClaimStatus.Draft;
        RejectionComment = comment;
        ApprovalId = null;
    }

    public void MarkPaid(DateOnly paidOn)
    {
        EnsureStatus(ExpenseClaimStatus.Approved);
        Status = ExpenseClaimStatus.Paid;
        PaidOn = paidOn;
    }

    private void EnsureStatus(ExpenseClaimStatus expected)
    {
        if (Status != expected)
            throw new BusinessException(expected == ExpenseClaimStatus.Draft ? ExpenseErrors.ClaimNotDraft : ExpenseErrors.ClaimNotSubmitted,
                StatusCodes.Status409Conflict, Number, Status);
    }
}

internal sealed class ExpenseLine
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public int LineNumber { get; private set; }
    public string Category { get; private set; } = "";
    public string Description { get; private set; } = "";
    public decimal Amount { get; private set; }
    public Guid? AttachmentId { get; private set; }

    private ExpenseLine() { }

    public ExpenseLine(int lineNumber, string category, string description, decimal amount, Guid? attachmentId)
    {
        LineNumber = lineNumber;
        Category = category;
        Description = description;
        Amount = amount;
        AttachmentId = attachmentId;
    }
}

/// <summary>A receipt (发票/收据 scan) uploaded by an employee, kept in the database with the tenant's other data.</summary>
internal sealed class Attachment : Entity, IMultiTenant
{
    public const long MaxSize = 5 * 1024 * 1024;

    public Guid? TenantId { get; private set; }
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long Size { get; private set; }
    public byte[] Content { get; private set; } = [];
    public Guid UploadedBy { get; private set; }
    public DateTime UploadedAt { get; private set; }

    private Attachment() { }

    /// <summary>The type comes from the file's own first bytes, not from what the browser claims, so downloads serve what was checked.</summary>
    public static Attachment Upload(string fileName, byte[] content, Guid uploadedBy, DateTime now)
    {
        if (content.LongLength > MaxSize)
            throw new BusinessException(ExpenseErrors.AttachmentTooLarge, StatusCodes.Status400BadRequest, MaxSize / 1024 / 1024) { Field = "file" };
        var contentType = Sniff(content)
            ?? throw new BusinessException(ExpenseErrors.AttachmentType, StatusCodes.Status400BadRequest) { Field = "file" };
        return new Attachment
        {
            FileName = Path.GetFileName(fileName).Trim() is { Length: > 0 } name ? name[..Math.Min(name.Length, 200)] : "receipt",
            ContentType = contentType,
            Size = content.LongLength,
            Content = content,
            UploadedBy = uploadedBy,
            UploadedAt = now,
        };
    }

    public static string? Sniff(ReadOnlySpan<byte> content) => content switch
    {
        [0x25, 0x50, 0x44, 0x46, ..] => "application/pdf",
        [0x89, 0x50, 0x4E, 0x47, ..] => "image/png",
        [0xFF, 0xD8, 0xFF, ..] => "image/jpeg",
        [0x47, 0x49, 0x46, 0x38, ..] => "image/gif",
        [0x52, 0x49, 0x46, 0x46, _, _, _, _, 0x57, 0x45, 0x42, 0x50, ..] => "image/webp",
        _ => null,
    };
}
