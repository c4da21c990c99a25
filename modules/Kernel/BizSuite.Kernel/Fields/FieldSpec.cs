using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace BizSuite.Kernel;

/// <summary>The kinds of value a tenant-defined field (自定义字段) or a custom form field holds.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FieldType>))]
public enum FieldType
{
    Text,
    LongText,
    Number,
    Money,
    Date,
    Boolean,
    SingleSelect,
    MultiSelect,
    /// <summary>A user's id (Identity).</summary>
    User,
    /// <summary>A department's id (HR).</summary>
    Department,
}

/// <summary>One choice of a select field: a stable value stored in the data, labels shown to people.</summary>
public sealed record FieldOption(string Value, string LabelZh, string LabelEn)
{
    public string Label(CultureInfo culture) => FieldSpec.IsChinese(culture) ? LabelZh : LabelEn;
}

/// <summary>
/// What a field is: the key values are stored under, its type, labels and rules. Independent of where the values live,
/// so custom fields on documents and custom approval forms check values the same way (<see cref="FieldValues"/>).
/// </summary>
public sealed record FieldSpec(string Key, FieldType Type, string LabelZh, string LabelEn)
{
    public bool Required { get; init; }
    /// <summary>Taken when a new record leaves the field out; it must itself be a valid value.</summary>
    public JsonNode? DefaultValue { get; init; }
    public string? HelpZh { get; init; }
    public string? HelpEn { get; init; }
    public IReadOnlyList<FieldOption> Options { get; init; } = [];
    /// <summary>Bounds of numbers and money.</summary>
    public decimal? Min { get; init; }
    public decimal? Max { get; init; }
    /// <summary>Longest text; unset takes <see cref="FieldValues.DefaultMaxLength"/> of the type.</summary>
    public int? MaxLength { get; init; }

    public string Label(CultureInfo culture) => IsChinese(culture) ? LabelZh : LabelEn;

    public bool IsSelect => Type is FieldType.SingleSelect or FieldType.MultiSelect;

    internal static bool IsChinese(CultureInfo culture) => culture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
}
