using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using BizSuite.Kernel;
using Microsoft.Extensions.Localization;

namespace BizSuite.Oa.Forms;

/// <summary>
/// Checks a submission's values against the fields of its form version and answers 400 with one error per field
/// (<c>values.purpose</c>, <c>values.lines[0].amount</c>) as built-in fields do. What passes is kept as sent, plus each table's sum.
/// </summary>
internal sealed class FormValues(IStringLocalizer texts)
{
    public const int MaxTableLines = 200;

    public sealed record Checked(string Json, decimal? Amount, IReadOnlyList<Guid> AttachmentIds);

    public Checked Check(IReadOnlyList<FormFieldDto> fields, string? amountField, IReadOnlyDictionary<string, JsonElement> values)
    {
        var errors = new Dictionary<string, string[]>();
        var kept = new JsonObject();
        var attachments = new List<Guid>();
        foreach (var field in fields)
        {
            var path = "values." + field.Key;
            var value = values.TryGetValue(field.Key, out var v) ? v : default;
            if (IsEmpty(value))
            {
                if (field.Required) errors[path] = [texts["Oa:FormValue.Required", Label(field)]];
                continue;
            }
            if (field.Type == FormFieldType.Table)
            {
                if (CheckTable(field, value, path, errors, attachments) is { } table) kept[field.Key] = table;
                continue;
            }
            if (CheckOne(field, value) is { } error) errors[path] = [texts[error, Label(field)]];
            else
            {
                if (field.Type == FormFieldType.Attachment) attachments.Add(value.GetGuid());
                kept[field.Key] = JsonNode.Parse(value.GetRawText());
            }
        }
        if (errors.Count > 0) throw new ValidationException(errors);
        return new Checked(kept.ToJsonString(), AmountOf(fields, amountField, kept), attachments);
    }

    private JsonObject? CheckTable(FormFieldDto table, JsonElement value, string path, Dictionary<string, string[]> errors, List<Guid> attachments)
    {
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() > MaxTableLines)
        {
            errors[path] = [texts["Oa:FormValue.Lines", Label(table), MaxTableLines]];
            return null;
        }
        var lines = new JsonArray();
        var index = 0;
        foreach (var line in value.EnumerateArray())
        {
            var kept = new JsonObject();
            foreach (var column in table.Columns ?? [])
            {
                var cellPath = $"{path}[{index}].{column.Key}";
                var cell = line.ValueKind == JsonValueKind.Object && line.TryGetProperty(column.Key, out var c) ? c : default;
                if (IsEmpty(cell))
                {
                    if (column.Required) errors[cellPath] = [texts["Oa:FormValue.Required", Label(column)]];
                    continue;
                }
                if (CheckOne(column, cell) is { } error) errors[cellPath] = [texts[error, Label(column)]];
                else
                {
                    if (column.Type == FormFieldType.Attachment) attachments.Add(cell.GetGuid());
                    kept[column.Key] = JsonNode.Parse(cell.GetRawText());
                }
            }
            lines.Add(kept);
            index++;
        }
        var result = new JsonObject { ["lines"] = lines };
        if (table.SumColumn is { } sum)
            result["sum"] = Money.Round(lines.Sum(l => l is JsonObject o && o[sum] is JsonValue n && n.TryGetValue(out decimal d) ? d : 0m));
        return result;
    }

    /// <summary>The localization key of what is wrong with a non-empty value, or null when it fits the field.</summary>
    private static string? CheckOne(FormFieldDto field, JsonElement value) => field.Type switch
    {
        FormFieldType.Text => value.ValueKind == JsonValueKind.String && value.GetString()!.Length <= 200 ? null : "Oa:FormValue.Text",
        FormFieldType.LongText => value.ValueKind == JsonValueKind.String && value.GetString()!.Length <= 4000 ? null : "Oa:FormValue.LongText",
        FormFieldType.Number or FormFieldType.Money => value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var d)
            ? d < field.Min || d > field.Max || field.Type == FormFieldType.Money && d != Money.Round(d) ? "Oa:FormValue.Range" : null
            : "Oa:FormValue.Number",
        FormFieldType.Date => value.ValueKind == JsonValueKind.String
            && DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? null : "Oa:FormValue.Date",
        FormFieldType.Boolean => value.ValueKind is JsonValueKind.True or JsonValueKind.False ? null : "Oa:FormValue.Boolean",
        FormFieldType.SingleSelect => value.ValueKind == JsonValueKind.String && (field.Options ?? []).Contains(value.GetString()) ? null : "Oa:FormValue.Option",
        FormFieldType.MultiSelect => value.ValueKind == JsonValueKind.Array
            && value.EnumerateArray().All(o => o.ValueKind == JsonValueKind.String && (field.Options ?? []).Contains(o.GetString())) ? null : "Oa:FormValue.Option",
        FormFieldType.User or FormFieldType.Department or FormFieldType.Attachment =>
            value.ValueKind == JsonValueKind.String && value.TryGetGuid(out _) ? null : "Oa:FormValue.Reference",
        _ => "Oa:FormValue.Reference",
    };

    private static bool IsEmpty(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Undefined or JsonValueKind.Null => true,
        JsonValueKind.String => string.IsNullOrWhiteSpace(value.GetString()),
        JsonValueKind.Array => value.GetArrayLength() == 0,
        _ => false,
    };

    /// <summary>The amount the flow's conditions read: a number or money field, or a table's sum.</summary>
    private static decimal? AmountOf(IReadOnlyList<FormFieldDto> fields, string? amountField, JsonObject kept) =>
        fields.FirstOrDefault(f => f.Key == amountField) switch
        {
            { Type: FormFieldType.Table } t => kept[t.Key]?["sum"]?.GetValue<decimal>(),
            { } f => kept[f.Key] is JsonValue n && n.TryGetValue(out decimal d) ? d : null,
            null => null,
        };

    private static string Label(FormFieldDto field) =>
        CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? field.LabelZh : field.LabelEn;
}
