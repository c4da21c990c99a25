using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace BizSuite.Automation.Rules;

/// <summary>
/// Reads an event's public payload (the webhook <c>data</c>, camelCase): fields by dotted path, conditions on them, and <c>{field}</c>
/// placeholders in texts. Custom fields arrive in the payload as <c>customFields.*</c> and need nothing more here.
/// </summary>
internal static partial class Payload
{
    /// <summary>The payload fields that name a document's owner (the user a rule's "owner" recipient means), first match wins.</summary>
    public static readonly string[] OwnerFields = ["ownerUserId", "applicantUserId"];

    public static JsonElement? Find(JsonElement payload, string path)
    {
        var current = payload;
        foreach (var segment in path.Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object) return null;
            var found = current.EnumerateObject().FirstOrDefault(p => string.Equals(p.Name, segment, StringComparison.OrdinalIgnoreCase));
            if (found.Value.ValueKind == JsonValueKind.Undefined) return null;
            current = found.Value;
        }
        return current;
    }

    /// <summary>A value as the admin would write it: text as is, numbers invariant, lists comma-separated; null when absent.</summary>
    public static string? Text(JsonElement? value) => value?.ValueKind switch
    {
        null or JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => value.Value.GetString(),
        JsonValueKind.Array => string.Join(", ", value.Value.EnumerateArray().Select(e => Text(e))),
        _ => value.Value.GetRawText(),
    };

    public static ConditionOutcomeDto Evaluate(RuleCondition condition, JsonElement payload)
    {
        var actual = Text(Find(payload, condition.Field));
        return new ConditionOutcomeDto(condition.Field, condition.Operator, condition.Value, actual, Holds(condition.Operator, actual, condition.Value));
    }

    public static bool Matches(ConditionMatch match, IReadOnlyList<ConditionOutcomeDto> outcomes) =>
        outcomes.Count == 0 || (match == ConditionMatch.All ? outcomes.All(o => o.Matched) : outcomes.Any(o => o.Matched));

    private static bool Holds(ConditionOperator op, string? actual, string? expected)
    {
        if (op == ConditionOperator.IsEmpty) return string.IsNullOrEmpty(actual);
        if (op == ConditionOperator.NotEquals) return !Holds(ConditionOperator.Equals, actual, expected);
        if (actual is null || expected is null) return false;
        if (op == ConditionOperator.Contains) return actual.Contains(expected, StringComparison.OrdinalIgnoreCase);
        // Numbers compare as numbers; anything else as text, which orders ISO dates (2026-12-03) correctly.
        var order = IsNumber(actual, out var a) && IsNumber(expected, out var e)
            ? a.CompareTo(e)
            : op == ConditionOperator.Equals ? (string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase) ? 0 : 1) : string.CompareOrdinal(actual, expected);
        return op switch
        {
            ConditionOperator.Equals => order == 0,
            ConditionOperator.GreaterThan => order > 0,
            ConditionOperator.GreaterOrEqual => order >= 0,
            ConditionOperator.LessThan => order < 0,
            ConditionOperator.LessOrEqual => order <= 0,
            _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
        };
    }

    private static bool IsNumber(string text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out value);

    /// <summary>Replaces <c>{field}</c> (a dotted path) with the payload's value; an unknown field becomes empty.</summary>
    public static string Fill(string template, JsonElement payload) =>
        Placeholder().Replace(template, m => Text(Find(payload, m.Groups[1].Value)) ?? "");

    [GeneratedRegex(@"\{([A-Za-z0-9_.]+)\}")]
    private static partial Regex Placeholder();

    /// <summary>The dotted paths of a payload's scalar fields (lists count as one field), in payload order.</summary>
    public static IReadOnlyList<string> Fields(JsonElement payload, string prefix = "") =>
        payload.EnumerateObject().SelectMany(p => p.Value.ValueKind == JsonValueKind.Object
            ? Fields(p.Value, prefix + p.Name + ".")
            : [prefix + p.Name]).ToList();
}
