using BizSuite.Kernel;
using BizSuite.Oa.Data;
using FluentValidation;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Oa.Forms;

/// <summary>Designing forms (administrators) and finding the published ones (everyone, under "New request").</summary>
internal sealed class ApprovalFormAppService(OaDbContext db, IPermissionChecker permissions)
{
    public async Task<IReadOnlyList<ApprovalFormDto>> GetListAsync(bool publishedOnly, CancellationToken ct)
    {
        var query = db.ApprovalForms.AsNoTracking();
        if (publishedOnly) query = query.Where(f => f.Status == FormStatus.Published);
        return (await query.OrderBy(f => f.Code).ToListAsync(ct)).Select(ToDto).ToList();
    }

    /// <summary>A draft is the designers' business: others do not see it.</summary>
    public async Task<ApprovalFormDto> GetAsync(Guid id, CancellationToken ct)
    {
        var form = await db.ApprovalForms.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, ct);
        if (form is null || form.Status != FormStatus.Published && !await permissions.IsGrantedAsync(OaPermissions.FormsManage, ct))
            throw new EntityNotFoundException("ApprovalForm", id);
        return ToDto(form);
    }

    public async Task<ApprovalFormDto> CreateAsync(SaveApprovalFormRequest request, CancellationToken ct)
    {
        if (await db.ApprovalForms.AnyAsync(f => f.Code == request.Code, ct))
            throw new BusinessException(OaErrors.DuplicateForm, StatusCodes.Status409Conflict, request.Code) { Field = "code" };
        var form = ApprovalForm.Design(request.Code, request.NameZh, request.NameEn, request.Description, request.Fields, request.AmountField);
        db.ApprovalForms.Add(form);
        return ToDto(form);
    }

    public async Task<ApprovalFormDto> UpdateAsync(Guid id, SaveApprovalFormRequest request, CancellationToken ct)
    {
        var form = await LoadAsync(id, ct);
        form.Change(request.NameZh, request.NameEn, request.Description, request.Fields, request.AmountField);
        return ToDto(form);
    }

    public async Task<ApprovalFormDto> PublishAsync(Guid id, bool published, CancellationToken ct)
    {
        var form = await LoadAsync(id, ct);
        if (published) form.Publish();
        else form.Unpublish();
        return ToDto(form);
    }

    private async Task<ApprovalForm> LoadAsync(Guid id, CancellationToken ct) =>
        await db.ApprovalForms.FirstOrDefaultAsync(f => f.Id == id, ct) ?? throw new EntityNotFoundException("ApprovalForm", id);

    private static ApprovalFormDto ToDto(ApprovalForm form)
    {
        var latest = form.Latest;
        return new ApprovalFormDto(form.Id, form.Code, form.NameZh, form.NameEn, form.Description, form.Status, latest.Number, latest.UsedAt is not null,
            latest.Fields, latest.AmountField, form.DocumentType, form.CreatedAt);
    }
}

internal sealed class SaveApprovalFormRequestValidator : AbstractValidator<SaveApprovalFormRequest>
{
    private const string KeyPattern = "^[A-Za-z][A-Za-z0-9_]{0,39}$";

    public SaveApprovalFormRequestValidator()
    {
        // The code ends up in the flow's document type (form:<code>, at most 32 characters).
        RuleFor(r => r.Code).NotEmpty().Matches("^[a-z][a-z0-9-]{0,25}$");
        RuleFor(r => r.NameZh).NotEmpty().MaximumLength(100);
        RuleFor(r => r.NameEn).NotEmpty().MaximumLength(100);
        RuleFor(r => r.Description).MaximumLength(1000);
        RuleFor(r => r.Fields).Cascade(CascadeMode.Stop).NotEmpty().Must(f => f.Count <= 50)
            .Must(f => f.Select(x => x.Key).Distinct().Count() == f.Count).WithMessage("Field keys must differ.");
        RuleForEach(r => r.Fields).SetValidator(new FieldValidator(KeyPattern, table: true));
        RuleFor(r => r.AmountField)
            .Must((r, key) => r.Fields.Any(f => f.Key == key && (f.Type is FormFieldType.Number or FormFieldType.Money || f.Type == FormFieldType.Table && f.SumColumn is not null)))
            .When(r => !string.IsNullOrEmpty(r.AmountField) && r.Fields is not null)
            .WithMessage("Choose a number or money field, or a table with a sum.");
    }

    private sealed class FieldValidator : AbstractValidator<FormFieldDto>
    {
        public FieldValidator(string keyPattern, bool table)
        {
            RuleFor(f => f.Key).NotEmpty().Matches(keyPattern);
            RuleFor(f => f.LabelZh).NotEmpty().MaximumLength(100);
            RuleFor(f => f.LabelEn).NotEmpty().MaximumLength(100);
            RuleFor(f => f.Type).IsInEnum();
            RuleFor(f => f.Type).NotEqual(FormFieldType.Table).When(_ => !table).WithMessage("A table cannot hold a table.");
            RuleFor(f => f.Options).Cascade(CascadeMode.Stop).NotEmpty()
                .Must(o => o!.Count <= 100 && o.All(x => !string.IsNullOrWhiteSpace(x) && x.Length <= 100) && o.Distinct().Count() == o.Count)
                .When(f => f.Type is FormFieldType.SingleSelect or FormFieldType.MultiSelect);
            RuleFor(f => f.Max).GreaterThanOrEqualTo(f => f.Min).When(f => f.Min is not null && f.Max is not null);
            RuleFor(f => f.Columns).Cascade(CascadeMode.Stop).NotEmpty().Must(c => c!.Count <= 20 && c.Select(x => x.Key).Distinct().Count() == c.Count)
                .When(f => f.Type == FormFieldType.Table);
            if (table) RuleForEach(f => f.Columns).SetValidator(new FieldValidator(keyPattern, table: false)).When(f => f.Type == FormFieldType.Table);
            RuleFor(f => f.SumColumn)
                .Must((f, key) => f.Columns?.Any(c => c.Key == key && c.Type is FormFieldType.Number or FormFieldType.Money) == true)
                .When(f => f.Type == FormFieldType.Table && f.SumColumn is not null)
                .WithMessage("Sum a number or money column.");
        }
    }
}
