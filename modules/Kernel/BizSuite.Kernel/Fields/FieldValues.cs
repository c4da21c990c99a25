using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Localization;

namespace BizSuite.Kernel;

/// <summary>Values checked against their fields: the normalized values to store, or field errors keyed like a request's.</summary>
public sealed record FieldCheck(JsonObject Values, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// The one check of tenant-defined values (custom fields, custom form fields): type, required, options, bounds and
/// length, with the values normalized for storage — numbers and money as JSON numbers, dates as <c>yyyy-MM-dd</c>,
/// texts trimmed, ids in one spelling, empty values left out. Whether a user or department id exists is the caller's
/// business: the kernel knows no module.
/// </summary>
public static class FieldValues
{
    /// <summary>Where custom-field values sit in a request, so their errors read <c>customFields.level</c>.</summary>
    public const string CustomFieldsPrefix = "customFields";

    public const int MaxOptionValueLength = 50;

    public static int DefaultMaxLength(FieldType type) => type == FieldType.LongText ? 4000 : 200;

    /// <summary>
    /// Checks <paramref name="values"/> (null means none) against <paramref name="fields"/>. A key no field has is an
    /// error; a field left out takes its default when <paramref name="applyDefaults"/> (a new record).
    /// </summary>
    public static FieldCheck Check(IReadOnlyList<FieldSpec> fields, JsonObject? values, IStringLocalizer texts, bool applyDefaults,
        string prefix = CustomFieldsPrefix)
    {
        var culture = CultureInfo.CurrentUICulture;
        var normalized = new JsonObject();
        var errors = new Dictionary<string, string[]>();
        var byKey = fields.ToDictionary(f => f.Key, StringComparer.Ordinal);
        foreach (var (key, _) in values ?? [])
            if (!byKey.ContainsKey(key))
                errors[ErrorKey(prefix, key)] = [texts[FieldErrors.Unknown, key].Value];

        foreach (var field in fields)
        {
            JsonNode? given = null;
            var present = values is not null && values.TryGetPropertyValue(field.Key, out given);
            if (!present && applyDefaults) given = field.DefaultValue;
            var (value, error) = Normalize(field, given);
            var label = field.Label(culture);
            if (error is not null)
                errors[ErrorKey(prefix, field.Key)] = [texts[error, [label, .. ErrorArguments(field, error)]].Value];
            else if (value is null && field.Required)
                errors[ErrorKey(prefix, field.Key)] = [texts[FieldErrors.Required, label].Value];
            else if (value is not null)
                normalized[field.Key] = value;
        }
        return new FieldCheck(normalized, errors);
    }

    /// <summary><see cref="Check"/>, throwing the 400 with field errors when a value is wrong.</summary>
    public static JsonObject Validate(IReadOnlyList<FieldSpec> fields, JsonObject? values, IStringLocalizer texts, bool applyDefaults,
        string prefix = CustomFieldsPrefix)
    {
        var check = Check(fields, values, texts, applyDefaults, prefix);
        return check.IsValid ? check.Values : throw new ValidationException(check.Errors);
    }

    /// <summary>One value in its stored form (null when empty), or the code of what is wrong with it.</summary>
    public static (JsonNode? Value, string? Error) Normalize(FieldSpec field, JsonNode? given)
    {
        if (given is null) return (null, null);
        return field.Type switch
        {
            FieldType.Text or FieldType.LongText => Text(field, given),
            FieldType.Number or FieldType.Money => Number(field, given),
            FieldType.Date => Date(given),
            FieldType.Boolean => Boolean(given),
            FieldType.SingleSelect => SingleSelect(field, given),
            FieldType.MultiSelect => MultiSelect(field, given),
            FieldType.User or FieldType.Department => Id(given),
            _ => throw new ArgumentOutOfRangeException(nameof(field), field.Type, null),
        };
    }

    private static string ErrorKey(string prefix, string key) => prefix.Length == 0 ? key : $"{prefix}.{key}";

    private static object[] ErrorArguments(FieldSpec field, string error) => error switch
    {
        FieldErrors.TooLong => [field.MaxLength ?? DefaultMaxLength(field.Type)],
        FieldErrors.BelowMin => [field.Min!.Value],
        FieldErrors.AboveMax => [field.Max!.Value],
        _ => [],
    };

    private static string? AsString(JsonNode node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    private static (JsonNode?, string?) Text(FieldSpec field, JsonNode given)
    {
        if (AsString(given) is not { } text) return (null, FieldErrors.NotText);
        text = text.Trim();
        if (text.Length == 0) return (null, null);
        return text.Length > (field.MaxLength ?? DefaultMaxLength(field.Type)) ? (null, FieldErrors.TooLong) : (text, null);
    }

    private static (JsonNode?, string?) Number(FieldSpec field, JsonNode given)
    {
        decimal number;
        if (given is JsonValue value && value.GetValueKind() == JsonValueKind.Number)
        {
            if (!value.TryGetValue(out number) && !decimal.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out number))
                return (null, FieldErrors.NotNumber);
        }
        else if (AsString(given) is { } text)
        {
            if (string.IsNullOrWhiteSpace(text)) return (null, null);
            if (!decimal.TryParse(text.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out number)) return (null, FieldErrors.NotNumber);
        }
        else return (null, FieldErrors.NotNumber);

        // Money is decimal(18,2) everywhere else too: a third decimal is a typing error, not something to round away.
        if (field.Type == FieldType.Money && decimal.Round(number, 2) != number) return (null, FieldErrors.MoneyScale);
        if (field.Min is { } min && number < min) return (null, FieldErrors.BelowMin);
        if (field.Max is { } max && number > max) return (null, FieldErrors.AboveMax);
        // Dividing by 1 at the largest scale drops trailing zeros: 12.50 and 12.5 are stored alike.
        return (JsonValue.Create(number / 1.0000000000000000000000000000m), null);
    }

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d"];

    private static (JsonNode?, string?) Date(JsonNode given)
    {
        if (AsString(given) is not { } text) return (null, FieldErrors.NotDate);
        if (string.IsNullOrWhiteSpace(text)) return (null, null);
        return DateOnly.TryParseExact(text.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? (date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null)
            : (null, FieldErrors.NotDate);
    }

    private static (JsonNode?, string?) Boolean(JsonNode given)
    {
        if (given is JsonValue value && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False) return (value.GetValue<bool>(), null);
        return AsString(given)?.Trim().ToLowerInvariant() switch
        {
            "" => (null, null),
            "true" => (true, null),
            "false" => (false, null),
            _ => (null, FieldErrors.NotBoolean),
        };
    }

    private static (JsonNode?, string?) SingleSelect(FieldSpec field, JsonNode given)
    {
        if (AsString(given) is not { } text) return (null, FieldErrors.NotOption);
        if (text.Length == 0) return (null, null);
        return field.Options.Any(o => o.Value == text) ? (text, null) : (null, FieldErrors.NotOption);
    }

    private static (JsonNode?, string?) MultiSelect(FieldSpec field, JsonNode given)
    {
        if (given is not JsonArray items) return (null, FieldErrors.NotOption);
        var chosen = new List<string>();
        foreach (var item in items)
        {
            if (item is null || AsString(item) is not { } text || field.Options.All(o => o.Value != text)) return (null, FieldErrors.NotOption);
            if (!chosen.Contains(text)) chosen.Add(text);
        }
        // Stored in the options' order, so equal choices compare equal in the audit log and in filters.
        var ordered = field.Options.Select(o => o.Value).Where(chosen.Contains).Select(v => (JsonNode?)v).ToArray();
        return ordered.Length == 0 ? (null, null) : (new JsonArray(ordered), null);
    }

    private static (JsonNode?, string?) Id(JsonNode given)
    {
        if (AsString(given) is not { } text) return (null, FieldErrors.NotId);
        if (text.Length == 0) return (null, null);
        return Guid.TryParse(text, out var id) ? (id.ToString(), null) : (null, FieldErrors.NotId);
    }
}

/// <summary>Message codes of wrong values (in the kernel's localization files); the first argument is the field's label.</summary>
public static class FieldErrors
{
    public const string Unknown = "Kernel:FieldUnknown";
    public const string Required = "Kernel:FieldRequired";
    public const string NotText = "Kernel:FieldNotText";
    public const string TooLong = "Kernel:FieldTooLong";
    public const string NotNumber = "Kernel:FieldNotNumber";
    public const string MoneyScale = "Kernel:FieldMoneyScale";
    public const string BelowMin = "Kernel:FieldBelowMin";
    public const string AboveMax = "Kernel:FieldAboveMax";
    public const string NotDate = "Kernel:FieldNotDate";
    public const string NotBoolean = "Kernel:FieldNotBoolean";
    public const string NotOption = "Kernel:FieldNotOption";
    public const string NotId = "Kernel:FieldNotId";
    public const string BadKey = "Kernel:FieldBadKey";
    public const string DuplicateOption = "Kernel:FieldDuplicateOption";
    public const string BadMaxLength = "Kernel:FieldBadMaxLength";
    public const string BadDefault = "Kernel:FieldBadDefault";
}
