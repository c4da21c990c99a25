using BizSuite.Kernel;
using BizSuite.Oa.Data;
using FluentValidation;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

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
    public const int MaxFields = 50;
    public const int MaxColumns = 20;

    public SaveApprovalFormRequestValidator(IStringLocalizer l)
    {
        // The code ends up in the flow's document type (form:<code>, at most 32 characters).
        RuleFor(r => r.Code).NotEmpty().Matches("^[a-z][a-z0-9-]{0,25}$");
        RuleFor(r => r.NameZh).NotEmpty().MaximumLength(100);
        RuleFor(r => r.NameEn).NotEmpty().MaximumLength(100);
        RuleFor(r => r.Description).MaximumLength(1000);
        RuleFor(r => r.Fields).Cascade(CascadeMode.Stop).NotEmpty().Must(f => f.Count <= MaxFields)
            .Must(f => f.Select(x => x.Spec?.Key).Distinct().Count() == f.Count).WithMessage(_ => l["Oa:FormFieldKeysRepeat"]);
        RuleForEach(r => r.Fields).ChildRules(field =>
        {
            field.RuleFor(f => f.Spec).NotNull().SetValidator(new FieldSpecValidator(l));
            field.RuleFor(f => f.Kind).IsInEnum();
            // An attachment or a table holds no kernel value: its spec is only key, labels, help and required.
            field.RuleFor(f => f.Spec.Type).Equal(FieldType.Text).When(f => f.Spec is not null && f.Kind != FormFieldKind.Value);
            field.RuleFor(f => f.Spec.DefaultValue).Null().When(f => f.Spec is not null && f.Kind != FormFieldKind.Value);
            field.RuleFor(f => f.Columns).Cascade(CascadeMode.Stop).NotEmpty().Must(c => c!.Count <= MaxColumns)
                .Must(c => c!.Select(x => x?.Key).Distinct().Count() == c!.Count).WithMessage(_ => l["Oa:FormFieldKeysRepeat"])
                .When(f => f.Kind == FormFieldKind.Table);
            field.RuleFor(f => f.Columns).Empty().When(f => f.Kind != FormFieldKind.Table);
            field.RuleForEach(f => f.Columns).NotNull().SetValidator(new FieldSpecValidator(l)).When(f => f.Kind == FormFieldKind.Table);
            field.RuleFor(f => f.SumColumn)
                .Must((f, key) => f.Columns?.Any(c => c is not null && c.Key == key && c.Type is FieldType.Number or FieldType.Money) == true)
                .When(f => f.SumColumn is not null)
                .WithMessage(_ => l["Oa:FormSumColumn"]);
        });
        RuleFor(r => r.AmountField)
            .Must((r, key) => r.Fields.Any(f => f.Spec is not null && f.Spec.Key == key
                && (f.Kind == FormFieldKind.Value && f.Spec.Type is FieldType.Number or FieldType.Money || f.Kind == FormFieldKind.Table && f.SumColumn is not null)))
            .When(r => !string.IsNullOrEmpty(r.AmountField) && r.Fields is not null)
            .WithMessage(_ => l["Oa:FormAmountField"]);
    }
}
