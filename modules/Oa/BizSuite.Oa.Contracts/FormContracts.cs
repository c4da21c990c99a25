namespace BizSuite.Oa;

/// <summary>
/// What a field of a custom approval form (通用审批表单) holds. <c>Attachment</c> is an uploaded file's id; <c>Table</c> is a list
/// of lines (明细) whose columns are fields themselves, with an optional sum of one number or money column.
/// </summary>
public enum FormFieldType { Text, LongText, Number, Money, Date, Boolean, SingleSelect, MultiSelect, User, Department, Attachment, Table }

/// <summary>Draft: only administrators see it. Published: staff find it under "New request".</summary>
public enum FormStatus { Draft, Published }

public enum FormSubmissionStatus { Pending, Approved, Rejected, Withdrawn }

/// <summary>
/// One field of a form version. <paramref name="Key"/> names the value in a submission (letters, digits, underscore);
/// <paramref name="Options"/> are a select's choices; <paramref name="Min"/>/<paramref name="Max"/> bound a number or money;
/// <paramref name="Columns"/> and <paramref name="SumColumn"/> describe a table.
/// </summary>
public sealed record FormFieldDto(string Key, string LabelZh, string LabelEn, FormFieldType Type, bool Required = false,
    IReadOnlyList<string>? Options = null, decimal? Min = null, decimal? Max = null, IReadOnlyList<FormFieldDto>? Columns = null, string? SumColumn = null);

/// <summary>
/// A form as its designer and its users see it: the latest version's fields. <paramref name="AmountField"/> is the money or number
/// field (or table sum) the approval flow's amount conditions read; <paramref name="DocumentType"/> is what the flow is bound to.
/// </summary>
public sealed record ApprovalFormDto(Guid Id, string Code, string NameZh, string NameEn, string? Description, FormStatus Status, int Version,
    bool VersionInUse, IReadOnlyList<FormFieldDto> Fields, string? AmountField, string DocumentType, DateTime CreatedAt);

/// <summary>The code stays once the form exists: its approval flow is bound to it (document type <c>form:&lt;code&gt;</c>).</summary>
public sealed record SaveApprovalFormRequest(string Code, string NameZh, string NameEn, string? Description, IReadOnlyList<FormFieldDto> Fields,
    string? AmountField = null);
