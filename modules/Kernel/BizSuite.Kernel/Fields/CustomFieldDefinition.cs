using System.Text.Json;
using System.Text.Json.Nodes;

namespace BizSuite.Kernel;

/// <summary>
/// A field a tenant admin added to one kind of record (自定义字段), e.g. 客户等级 on customers. Removing it hides it and
/// keeps the stored values, so it can be restored; its key and type stay what the stored values were written under.
/// </summary>
[Audited]
public sealed class CustomFieldDefinition : AggregateRoot, IMultiTenant
{
    public Guid? TenantId { get; private set; }
    public string EntityType { get; private set; } = "";
    public string Key { get; private set; } = "";
    public FieldType Type { get; private set; }
    public string LabelZh { get; private set; } = "";
    public string LabelEn { get; private set; } = "";
    public bool Required { get; private set; }
    /// <summary>JSON of the default value, null without one.</summary>
    public string? DefaultValue { get; private set; }
    public string? HelpZh { get; private set; }
    public string? HelpEn { get; private set; }
    /// <summary>JSON array of <see cref="FieldOption"/>.</summary>
    public string Options { get; private set; } = "[]";
    public decimal? Min { get; private set; }
    public decimal? Max { get; private set; }
    public int? MaxLength { get; private set; }
    public int Order { get; private set; }
    public bool ShowInList { get; private set; }
    public bool Removed { get; private set; }

    private CustomFieldDefinition() { }

    public static CustomFieldDefinition Create(string entityType, SaveCustomFieldRequest request)
    {
        var field = new CustomFieldDefinition { EntityType = entityType, Key = request.Key, Type = request.Type };
        field.Update(request);
        return field;
    }

    /// <summary>Everything but the key; a new type is checked against the stored values by the caller first.</summary>
    public void Update(SaveCustomFieldRequest request)
    {
        Type = request.Type;
        LabelZh = request.LabelZh.Trim();
        LabelEn = request.LabelEn.Trim();
        Required = request.Required;
        DefaultValue = request.DefaultValue?.ToJsonString();
        HelpZh = string.IsNullOrWhiteSpace(request.HelpZh) ? null : request.HelpZh.Trim();
        HelpEn = string.IsNullOrWhiteSpace(request.HelpEn) ? null : request.HelpEn.Trim();
        Options = JsonSerializer.Serialize(request.Options ?? [], JsonSerializerOptions.Web);
        Min = request.Min;
        Max = request.Max;
        MaxLength = request.MaxLength;
        Order = request.Order;
        ShowInList = request.ShowInList;
    }

    public void Remove() => Removed = true;

    public void Restore() => Removed = false;

    public FieldSpec ToSpec() => new(Key, Type, LabelZh, LabelEn)
    {
        Required = Required,
        DefaultValue = DefaultValue is null ? null : JsonNode.Parse(DefaultValue),
        HelpZh = HelpZh,
        HelpEn = HelpEn,
        Options = JsonSerializer.Deserialize<List<FieldOption>>(Options, JsonSerializerOptions.Web) ?? [],
        Min = Min,
        Max = Max,
        MaxLength = MaxLength,
    };

    public CustomFieldDto ToDto()
    {
        var spec = ToSpec();
        return new CustomFieldDto(Id, EntityType, Key, Type, LabelZh, LabelEn, Required, spec.DefaultValue, HelpZh, HelpEn, spec.Options, Min, Max,
            MaxLength, Order, ShowInList, Removed);
    }
}

public sealed record CustomFieldDto(Guid Id, string EntityType, string Key, FieldType Type, string LabelZh, string LabelEn, bool Required,
    JsonNode? DefaultValue, string? HelpZh, string? HelpEn, IReadOnlyList<FieldOption> Options, decimal? Min, decimal? Max, int? MaxLength,
    int Order, bool ShowInList, bool Removed)
{
    public FieldSpec ToSpec() => new(Key, Type, LabelZh, LabelEn)
    {
        Required = Required, DefaultValue = DefaultValue, HelpZh = HelpZh, HelpEn = HelpEn, Options = Options, Min = Min, Max = Max, MaxLength = MaxLength,
    };
}

/// <summary>A field's definition as the admin enters it; on an update the key is kept as it was.</summary>
public sealed record SaveCustomFieldRequest(string Key, FieldType Type, string LabelZh, string LabelEn, bool Required = false,
    JsonNode? DefaultValue = null, string? HelpZh = null, string? HelpEn = null, IReadOnlyList<FieldOption>? Options = null,
    decimal? Min = null, decimal? Max = null, int? MaxLength = null, int Order = 0, bool ShowInList = false)
{
    public FieldSpec ToSpec() => new(Key, Type, LabelZh, LabelEn)
    {
        Required = Required, DefaultValue = DefaultValue, HelpZh = HelpZh, HelpEn = HelpEn, Options = Options ?? [], Min = Min, Max = Max, MaxLength = MaxLength,
    };
}

/// <summary>
/// A record's custom-field values set on their own (<c>PUT …/{id}/custom-fields</c>), for the kinds whose record has no
/// other edit (sales orders, invoices, purchase orders): one schema for every such endpoint.
/// </summary>
public sealed record SaveCustomFieldValuesRequest(JsonObject? CustomFields);

/// <summary>A kind of record that takes custom fields, as its module declares it.</summary>
public sealed record CustomFieldEntityDto(string EntityType, string DisplayName);

/// <summary>
/// A module declares each kind of record that takes custom fields by registering one of these: the name
/// (<c>crm.customer</c>), who may read its fields, and the values it stored under a key, so a type change can be
/// refused when they would not convert. The module keeps the values in its own tables.
/// </summary>
public interface ICustomFieldEntity
{
    string EntityType { get; }
    string ReadPermission { get; }
    /// <summary>The field naming a record of this kind in public event payloads (<c>customerId</c>).</summary>
    string PayloadIdField { get; }
    Task<IReadOnlyList<JsonNode>> StoredValuesAsync(string key, CancellationToken ct);
    /// <summary>The record, tracked, for a change of its values; null when unknown.</summary>
    Task<CustomFieldsAggregate?> FindAsync(Guid id, CancellationToken ct);
}

/// <summary>What modules use: the active fields of a kind of record, and the values of a save checked and merged.</summary>
public interface ICustomFields
{
    /// <summary>The fields in order: those shown and checked, and with <paramref name="includeRemoved"/> the removed ones whose values are kept.</summary>
    Task<IReadOnlyList<CustomFieldDto>> FieldsAsync(string entityType, bool includeRemoved, CancellationToken ct);

    /// <summary>
    /// Checks <paramref name="given"/> against the active fields (400 with <c>customFields.&lt;key&gt;</c> errors; a new record
    /// takes the defaults), keeps the stored values of removed fields, which a form no longer shows and must not lose, and
    /// stores the values on the record with its filter index; removed select fields keep their index rows, so a restored field filters at once.
    /// </summary>
    Task SetAsync(string entityType, CustomFieldsAggregate record, JsonObject? given, bool isNew, CancellationToken ct);

    /// <summary>
    /// Sets one field of the record named by <paramref name="payload"/> (its kind's <see cref="ICustomFieldEntity.PayloadIdField"/>),
    /// checked like a save; what an automation rule's "set a custom field" does. 404 when the payload names no such record.
    /// </summary>
    Task SetValueAsync(string entityType, System.Text.Json.JsonElement payload, string key, JsonNode? value, CancellationToken ct);
}

/// <summary>Marks the DTO property holding a record's custom-field values, so an Excel export adds one column per active field.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class CustomFieldsAttribute(string entityType) : Attribute
{
    public string EntityType { get; } = entityType;
}

public static class CustomFieldErrors
{
    public const string UnknownEntityType = "Kernel:CustomFieldUnknownEntityType";
    public const string KeyTaken = "Kernel:CustomFieldKeyTaken";
    public const string ValuesWouldNotConvert = "Kernel:CustomFieldValuesWouldNotConvert";
    public const string Forbidden = "Kernel:Forbidden";
}
