using System.Collections;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using BizSuite.Kernel;
using BizSuite.Webhooks;

namespace BizSuite.Automation.Rules;

/// <summary>
/// The triggers the editor offers: each public event with the fields of its payload and a sample payload, made by mapping an empty
/// event (zeros, empty texts and lists) through the catalogue, so fields and samples never drift from what rules really see.
/// </summary>
internal static class EventSamples
{
    public static IReadOnlyList<AutomationEventTypeDto> All { get; } = PublicEvents.All.Select(t =>
    {
        var sample = JsonSerializer.SerializeToElement(t.Map(Empty(t.EventType)), JournalJson.Options);
        return new AutomationEventTypeDto(t.Name, Payload.Fields(sample), sample,
            t.CustomFields.Select(c => new EventCustomFieldsDto(c.Path, c.EntityType)).ToList());
    }).ToList();

    private static IDomainEvent Empty(Type eventType)
    {
        var e = RuntimeHelpers.GetUninitializedObject(eventType);
        foreach (var property in eventType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var type = property.PropertyType;
            if (type == typeof(string)) property.SetValue(e, "");
            else if (type == typeof(JsonObject)) property.SetValue(e, new JsonObject());
            else if (type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type))
                property.SetValue(e, Array.CreateInstance(type.IsArray ? type.GetElementType()! : type.GetGenericArguments()[0], 0));
        }
        return (IDomainEvent)e;
    }
}
