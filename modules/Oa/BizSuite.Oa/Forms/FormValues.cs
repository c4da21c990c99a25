using System.Globalization;
using System.Text.Json.Nodes;
using BizSuite.Kernel;
using Microsoft.Extensions.Localization;

namespace BizSuite.Oa.Forms;

/// <summary>
/// Checks a submission's values against the fields of its form version with the kernel's one value check
/// (<see cref="FieldValues"/>), adding what only forms have: attachments and tables of lines with their sum. Errors are one
/// per field, as for built-in fields: <c>values.purpose</c>, <c>values.lines[0].amount</c>.
/// </summary>
internal sealed class FormValues(IStringLocalizer texts)
{
    public const string Prefix = "values";
    public const int MaxTableLines = 200;

    public sealed record Checked(JsonObject Values, decimal? Amount, IReadOnlyList<Guid> AttachmentIds);

    public Checked Check(IReadOnlyList<FormFieldDto> fields, string? amountField, JsonObject? given)
    {
        given ??= [];
        var plainKeys = fields.Where(f => f.Kind == FormFieldKind.Value).Select(f => f.Spec.Key).ToHashSet();
        var plain = new JsonObject(given.Where(p => !fields.Any(f => f.Kind != FormFieldKind.Value && f.Spec.Key == p.Key))
            .Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
        var check = FieldValues.Check(fields.Where(f => plainKeys.Contains(f.Spec.Key)).Select(f => f.Spec).ToList(), plain, texts, applyDefaults: true, Prefix);
        var errors = new Dictionary<string, string[]>(check.Errors);
        var values = check.Values;
        var attachments = new List<Guid>();
        foreach (var field in fields.Where(f => f.Kind != FormFieldKind.Value))
        {
            var path = $"{Prefix}.{field.Spec.Key}";
            var value = given[field.Spec.Key];
            var kept = field.Kind == FormFieldKind.Attachment ? Attachment(field.Spec, value, path, errors, attachments) : Table(field, value, path, errors);
            if (kept is not null) values[field.Spec.Key] = kept;
            else if (field.Spec.Required && !errors.ContainsKey(path)) errors[path] = [texts[FieldErrors.Required, Label(field.Spec)].Value];
        }
        if (errors.Count > 0) throw new ValidationException(errors);
        return new Checked(values, AmountOf(fields, amountField, values), attachments);
    }

    private JsonNode? Attachment(FieldSpec spec, JsonNode? value, string path, Dictionary<string, string[]> errors, List<Guid> attachments)
    {
        if (value is null || value is JsonValue v && v.TryGetValue(out string? s) && string.IsNullOrWhiteSpace(s)) return null;
        if (value is JsonValue text && text.TryGetValue(out string? id) && Guid.TryParse(id, out var guid))
        {
            attachments.Add(guid);
            return guid.ToString();
        }
        errors[path] = [texts[FieldErrors.NotId, Label(spec)].Value];
        return null;
    }

    /// <summary>A table's value is its lines, each checked as a small form of the columns; stored with the sum as <c>{ lines, sum }</c>.</summary>
    private JsonObject? Table(FormFieldDto table, JsonNode? value, string path, Dictionary<string, string[]> errors)
    {
        if (value is null) return null;
        if (value is not JsonArray lines || lines.Count > MaxTableLines)
        {
            errors[path] = [texts["Oa:FormValue.Lines", Label(table.Spec), MaxTableLines].Value];
            return null;
        }
        if (lines.Count == 0) return null;
        var kept = new JsonArray();
        for (var i = 0; i < lines.Count; i++)
        {
            var check = FieldValues.Check(table.Columns ?? [], lines[i] as JsonObject, texts, applyDefaults: true, $"{path}[{i}]");
            foreach (var (key, messages) in check.Errors) errors[key] = messages;
            kept.Add(check.Values);
        }
        var result = new JsonObject { ["lines"] = kept };
        if (table.SumColumn is { } sum)
            result["sum"] = Money.Round(kept.Sum(l => l?[sum] is JsonValue n && n.TryGetValue(out decimal d) ? d : 0m));
        return result;
    }

    /// <summary>The amount the flow's conditions read: a number or money field, or a table's sum.</summary>
    private static decimal? AmountOf(IReadOnlyList<FormFieldDto> fields, string? amountField, JsonObject values) =>
        fields.FirstOrDefault(f => f.Spec.Key == amountField) switch
        {
            { Kind: FormFieldKind.Table } t => values[t.Spec.Key]?["sum"] is JsonValue s && s.TryGetValue(out decimal sum) ? sum : null,
            { } f => values[f.Spec.Key] is JsonValue n && n.TryGetValue(out decimal d) ? d : null,
            null => null,
        };

    private static string Label(FieldSpec spec) => spec.Label(CultureInfo.CurrentUICulture);
}
