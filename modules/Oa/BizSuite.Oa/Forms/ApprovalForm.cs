using System.Text.Json;
using BizSuite.Kernel;

namespace BizSuite.Oa.Forms;

/// <summary>
/// A tenant's custom approval form (通用审批表单: 用印申请, 出差申请, 付款申请 …) with its versions. The latest version is the one
/// edited and submitted; once a submission uses it, it is frozen and the next edit starts a new version, so every submission
/// keeps reading the fields it was made with. Its approval flow is the tenant's flow for document type <c>form:&lt;code&gt;</c>.
/// </summary>
[Audited]
internal sealed class ApprovalForm : AggregateRoot, IMultiTenant
{
    private readonly List<FormVersion> _versions = [];

    public Guid? TenantId { get; private set; }
    public string Code { get; private set; } = "";
    public string NameZh { get; private set; } = "";
    public string NameEn { get; private set; } = "";
    public string? Description { get; private set; }
    public FormStatus Status { get; private set; }
    public IReadOnlyList<FormVersion> Versions => _versions;

    public FormVersion Latest => _versions.MaxBy(v => v.Number)!;

    public string DocumentType => ApprovalDocumentTypes.Form(Code);

    private ApprovalForm() { }

    public static ApprovalForm Design(string code, string nameZh, string nameEn, string? description, IReadOnlyList<FormFieldDto> fields, string? amountField)
    {
        var form = new ApprovalForm { Code = code, Status = FormStatus.Draft };
        form._versions.Add(new FormVersion(1, fields, amountField));
        form.Rename(nameZh, nameEn, description);
        return form;
    }

    /// <summary>Names change in place; fields change the latest version while no submission uses it, else they start a new one.</summary>
    public void Change(string nameZh, string nameEn, string? description, IReadOnlyList<FormFieldDto> fields, string? amountField)
    {
        Rename(nameZh, nameEn, description);
        var latest = Latest;
        if (latest.Holds(fields, amountField)) return;
        if (latest.UsedAt is null) latest.Replace(fields, amountField);
        else _versions.Add(new FormVersion(latest.Number + 1, fields, amountField));
    }

    public void Publish() => Status = FormStatus.Published;

    public void Unpublish() => Status = FormStatus.Draft;

    private void Rename(string nameZh, string nameEn, string? description)
    {
        NameZh = nameZh.Trim();
        NameEn = nameEn.Trim();
        Description = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
    }
}

/// <summary>One version of a form's fields, stored as JSON (read whole with the form, never queried by field).</summary>
internal sealed class FormVersion
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public int Number { get; private set; }
    public string FieldsJson { get; private set; } = "[]";
    public string? AmountField { get; private set; }
    /// <summary>When the first submission used it: from then on it never changes.</summary>
    public DateTime? UsedAt { get; private set; }

    private FormVersion() { }

    public FormVersion(int number, IReadOnlyList<FormFieldDto> fields, string? amountField)
    {
        Number = number;
        Replace(fields, amountField);
    }

    public IReadOnlyList<FormFieldDto> Fields => JsonSerializer.Deserialize<List<FormFieldDto>>(FieldsJson, Json) ?? [];

    public bool Holds(IReadOnlyList<FormFieldDto> fields, string? amountField) =>
        FieldsJson == JsonSerializer.Serialize(fields, Json) && AmountField == (string.IsNullOrWhiteSpace(amountField) ? null : amountField);

    public void Replace(IReadOnlyList<FormFieldDto> fields, string? amountField)
    {
        if (UsedAt is not null) throw new InvalidOperationException($"Version {Number} is in use and frozen.");
        FieldsJson = JsonSerializer.Serialize(fields, Json);
        AmountField = string.IsNullOrWhiteSpace(amountField) ? null : amountField;
    }

    public void MarkUsed(DateTime now) => UsedAt ??= now;
}
