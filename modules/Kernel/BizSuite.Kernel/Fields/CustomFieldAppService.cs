using System.Text.Json.Nodes;
using FluentValidation;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace BizSuite.Kernel;

/// <summary>Tenant admins define custom fields per kind of record; modules check their records' values through <see cref="ICustomFields"/>.</summary>
internal sealed class CustomFieldAppService(KernelDbContext db, IEnumerable<ICustomFieldEntity> entities, IPermissionChecker permissions,
    IStringLocalizer texts, ICurrentTenant tenant) : ICustomFields
{
    public IReadOnlyList<CustomFieldEntityDto> GetEntityTypes() =>
        entities.Select(e => new CustomFieldEntityDto(e.EntityType, texts["CustomFieldEntity:" + e.EntityType].Value)).ToList();

    /// <summary>Readable by whoever may read the records; removed fields only by the admin, who may restore them.</summary>
    public async Task<List<CustomFieldDto>> GetListAsync(string entityType, bool includeRemoved, CancellationToken ct)
    {
        var entity = Entity(entityType);
        if (!await permissions.IsGrantedAsync(includeRemoved ? KernelPermissions.CustomFields : entity.ReadPermission, ct))
            throw new BusinessException(CustomFieldErrors.Forbidden, StatusCodes.Status403Forbidden);
        var fields = await db.CustomFields.AsNoTracking().Where(f => f.EntityType == entityType && (includeRemoved || !f.Removed))
            .OrderBy(f => f.Order).ThenBy(f => f.CreatedAt).ToListAsync(ct);
        return fields.Select(f => f.ToDto()).ToList();
    }

    public async Task<CustomFieldDto> CreateAsync(string entityType, SaveCustomFieldRequest request, CancellationToken ct)
    {
        Entity(entityType);
        if (await db.CustomFields.AnyAsync(f => f.EntityType == entityType && f.Key == request.Key, ct))
            throw new BusinessException(CustomFieldErrors.KeyTaken, StatusCodes.Status409Conflict, request.Key) { Field = "key" };
        var field = CustomFieldDefinition.Create(entityType, request);
        db.CustomFields.Add(field);
        return field.ToDto();
    }

    /// <summary>Labels, help, order, required, options and list display change freely; a new type or fewer options only when every stored value still fits.</summary>
    public async Task<CustomFieldDto> UpdateAsync(string entityType, Guid id, SaveCustomFieldRequest request, CancellationToken ct)
    {
        var entity = Entity(entityType);
        var field = await LoadAsync(entityType, id, ct);
        var spec = (request with { Key = field.Key }).ToSpec();
        if (spec.Type != field.Type || field.ToSpec().Options.Any(o => spec.Options.All(n => n.Value != o.Value)))
        {
            var stored = await entity.StoredValuesAsync(field.Key, ct);
            var misfit = stored.FirstOrDefault(v => FieldValues.Normalize(spec, v).Error is not null);
            if (misfit is not null)
                throw new BusinessException(CustomFieldErrors.ValuesWouldNotConvert, StatusCodes.Status422UnprocessableEntity, misfit.ToJsonString())
                    { Field = "type" };
        }
        field.Update(request);
        return field.ToDto();
    }

    public async Task RemoveAsync(string entityType, Guid id, CancellationToken ct) => (await LoadAsync(entityType, id, ct)).Remove();

    public async Task RestoreAsync(string entityType, Guid id, CancellationToken ct) => (await LoadAsync(entityType, id, ct)).Restore();

    public async Task<IReadOnlyList<CustomFieldDto>> FieldsAsync(string entityType, bool includeRemoved, CancellationToken ct)
    {
        Entity(entityType);
        var fields = await db.CustomFields.AsNoTracking().Where(f => f.EntityType == entityType && (includeRemoved || !f.Removed))
            .OrderBy(f => f.Order).ThenBy(f => f.CreatedAt).ToListAsync(ct);
        return fields.Select(f => f.ToDto()).ToList();
    }

    public async Task SetAsync(string entityType, CustomFieldsAggregate record, JsonObject? given, bool isNew, CancellationToken ct)
    {
        var fields = await AllFieldsAsync(entityType, ct);
        var values = Validate(fields, given, isNew ? null : record.CustomFieldValues());
        var selects = fields.Where(f => f.Type is FieldType.SingleSelect or FieldType.MultiSelect).Select(f => f.Key).ToHashSet();
        record.SetCustomFields(values, selects, (record as IMultiTenant)?.TenantId ?? tenant.Id);
    }

    public async Task SetValueAsync(string entityType, System.Text.Json.JsonElement payload, string key, JsonNode? value, CancellationToken ct)
    {
        var entity = Entity(entityType);
        var id = payload.ValueKind == System.Text.Json.JsonValueKind.Object
            && payload.EnumerateObject().FirstOrDefault(p => p.NameEquals(entity.PayloadIdField)).Value is { ValueKind: System.Text.Json.JsonValueKind.String } found
            && Guid.TryParse(found.GetString(), out var parsed) ? parsed : Guid.Empty;
        var record = await entity.FindAsync(id, ct) ?? throw new EntityNotFoundException(entityType, id);
        var values = record.CustomFieldValues();
        values[key] = value?.DeepClone();
        await SetAsync(entityType, record, values, isNew: false, ct);
    }

    private Task<List<CustomFieldDefinition>> AllFieldsAsync(string entityType, CancellationToken ct) =>
        db.CustomFields.AsNoTracking().Where(f => f.EntityType == entityType).ToListAsync(ct);

    private JsonObject Validate(List<CustomFieldDefinition> fields, JsonObject? given, JsonObject? stored)
    {
        var values = FieldValues.Validate(fields.Where(f => !f.Removed).Select(f => f.ToSpec()).ToList(), given, texts, applyDefaults: stored is null);
        foreach (var removed in fields.Where(f => f.Removed))
            if (stored?[removed.Key] is { } kept) values[removed.Key] = kept.DeepClone();
        return values;
    }

    private ICustomFieldEntity Entity(string entityType) =>
        entities.FirstOrDefault(e => e.EntityType == entityType) ?? throw new EntityNotFoundException("CustomFieldEntity", entityType);

    private async Task<CustomFieldDefinition> LoadAsync(string entityType, Guid id, CancellationToken ct)
    {
        Entity(entityType);
        return await db.CustomFields.FirstOrDefaultAsync(f => f.Id == id && f.EntityType == entityType, ct)
            ?? throw new EntityNotFoundException("CustomField", id);
    }
}

internal sealed class SaveCustomFieldRequestValidator : AbstractValidator<SaveCustomFieldRequest>
{
    public SaveCustomFieldRequestValidator(IStringLocalizer l)
    {
        var spec = new FieldSpecValidator(l);
        // The definition's rules are the kernel's one FieldSpecValidator; its errors keep the request's field names.
        RuleFor(r => r).Custom((request, context) =>
        {
            foreach (var error in spec.Validate(request.ToSpec()).Errors) context.AddFailure(error.PropertyName, error.ErrorMessage);
        });
        RuleFor(r => r.Order).InclusiveBetween(0, 10000);
    }
}
