using BizSuite.Kernel;

namespace BizSuite.Oa;

/// <summary>
/// What a form field holds: a value of a kernel field type (<see cref="FieldType"/>), an uploaded file, or a table of lines (明细)
/// whose columns are kernel fields, with an optional sum of one number or money column.
/// </summary>
public enum FormFieldKind { Value, Attachment, Table }

/// <summary>Draft: only administrators see it. Published: staff find it under "New request".</summary>
public enum FormStatus { Draft, Published }

public enum FormSubmissionStatus { Pending, Approved, Rejected, Withdrawn }

/// <summary>
/// One field of a form version. <paramref name="Spec"/> is the kernel's field definition (key, labels, required, options, bounds),
/// checked by the kernel's one value check; for an attachment or a table only its key, labels, help and required count (its type stays Text).
/// A table's <paramref name="Columns"/> are kernel fields too; <paramref name="SumColumn"/> names the number or money column summed.
/// </summary>
public sealed record FormFieldDto(FieldSpec Spec, FormFieldKind Kind = FormFieldKind.Value, IReadOnlyList<FieldSpec>? Columns = null, string? SumColumn = null);

/// <summary>
/// A form as its designer and its users see it: the latest version's fields. <paramref name="AmountField"/> is the money or number
/// field (or table sum) the approval flow's amount conditions read; <paramref name="DocumentType"/> is what the flow is bound to.
/// </summary>
public sealed record ApprovalFormDto(Guid Id, string Code, string NameZh, string NameEn, string? Description, FormStatus Status, int Version,
    bool VersionInUse, IReadOnlyList<FormFieldDto> Fields, string? AmountField, string DocumentType, DateTime CreatedAt);

/// <summary>The code stays once the form exists: its approval flow is bound to it (document type <c>form:&lt;code&gt;</c>).</summary>
public sealed record SaveApprovalFormRequest(string Code, string NameZh, string NameEn, string? Description, IReadOnlyList<FormFieldDto> Fields,
    string? AmountField = null);
