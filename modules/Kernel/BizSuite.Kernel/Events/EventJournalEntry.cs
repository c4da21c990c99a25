using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace BizSuite.Kernel;

/// <summary>One dispatched domain event: the trail behind every document's timeline and the KPIs.</summary>
public sealed class EventJournalEntry
{
    public Guid Id { get; set; }
    public Guid? TenantId { get; set; }
    public string EventType { get; set; } = "";
    public string AggregateType { get; set; } = "";
    public Guid AggregateId { get; set; }
    public string CorrelationId { get; set; } = "";
    public Guid? CausationId { get; set; }
    public DateTime OccurredAt { get; set; }
    public string Payload { get; set; } = "";

    internal static EventJournalEntry For(RaisedEvent raised, AggregateRoot aggregate, string correlationId, Guid? currentTenantId, TimeProvider clock) => new()
    {
        Id = raised.EventId,
        TenantId = (aggregate as IMultiTenant)?.TenantId ?? currentTenantId,
        EventType = raised.Event.GetType().Name,
        AggregateType = aggregate.GetType().Name,
        AggregateId = aggregate.Id,
        CorrelationId = correlationId,
        CausationId = raised.CausationId,
        OccurredAt = clock.GetUtcNow().UtcDateTime,
        Payload = JsonSerializer.Serialize(raised.Event, raised.Event.GetType(), JournalJson.Options),
    };
}

/// <summary>JSON for the journal and audit log: camelCase, and [Sensitive] properties masked.</summary>
public static class JournalJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { MaskSensitive } },
        Converters = { new JsonStringEnumConverter() },
    };

    private static void MaskSensitive(JsonTypeInfo typeInfo)
    {
        foreach (var property in typeInfo.Properties)
            if (property.AttributeProvider?.IsDefined(typeof(SensitiveAttribute), true) == true)
                property.Get = _ => "***";
    }
}
