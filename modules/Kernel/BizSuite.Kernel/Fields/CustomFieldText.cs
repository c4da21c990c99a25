using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Localization;

namespace BizSuite.Kernel;

/// <summary>
/// A stored value as a person reads and types it in a spreadsheet: option labels instead of values, 是/否 or yes/no.
/// Export writes it, import reads it back (<see cref="Parse"/>), so a round trip gives the same stored value.
/// </summary>
public static class CustomFieldText
{
    public static string? Display(FieldSpec field, JsonNode? value, CultureInfo culture, IStringLocalizer l) => value switch
    {
        null => null,
        JsonArray many => string.Join(", ", many.Select(v => OptionLabel(field, v!.GetValue<string>(), culture))),
        _ when field.Type == FieldType.SingleSelect => OptionLabel(field, value.GetValue<string>(), culture),
        _ when field.Type == FieldType.Boolean => l[value.GetValue<bool>() ? "Kernel:Yes" : "Kernel:No"].Value,
        JsonValue v when v.TryGetValue<string>(out var text) => text,
        _ => value.ToJsonString(),
    };

    /// <summary>A cell's text as the JSON value <see cref="FieldValues"/> checks: labels or values of options, yes/no in either language.</summary>
    public static JsonNode? Parse(FieldSpec field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        text = text.Trim();
        return field.Type switch
        {
            FieldType.SingleSelect => OptionValue(field, text),
            FieldType.MultiSelect => new JsonArray(text.Split([',', '，', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(t => (JsonNode?)OptionValue(field, t)).ToArray()),
            FieldType.Boolean => text.ToLowerInvariant() switch { "是" or "yes" or "true" => true, "否" or "no" or "false" => false, _ => text },
            _ => text,
        };
    }

    private static string OptionLabel(FieldSpec field, string value, CultureInfo culture) =>
        field.Options.FirstOrDefault(o => o.Value == value)?.Label(culture) ?? value;

    private static string OptionValue(FieldSpec field, string text) =>
        field.Options.FirstOrDefault(o => o.Value == text || o.LabelZh == text || o.LabelEn == text)?.Value ?? text;
}
