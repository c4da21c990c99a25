using System.Collections.Concurrent;
using System.Reflection;
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
    /// <summary>Who did it (null for jobs and schedules): what a record's timeline names.</summary>
    public Guid? UserId { get; set; }
    public DateTime OccurredAt { get; set; }
    public string Payload { get; set; } = "";
    /// <summary>The records the event is about, whose timelines show it.</summary>
    [JsonIgnore]
    public List<EventJournalRecord> Records { get; set; } = [];

    internal static EventJournalEntry For(RaisedEvent raised, AggregateRoot aggregate, string correlationId, Guid? currentTenantId, Guid? userId, TimeProvider clock)
    {
        var entry = new EventJournalEntry
        {
            Id = raised.EventId,
            TenantId = (aggregate as IMultiTenant)?.TenantId ?? currentTenantId,
            EventType = raised.Event.GetType().Name,
            AggregateType = aggregate.GetType().Name,
            AggregateId = aggregate.Id,
            CorrelationId = correlationId,
            CausationId = raised.CausationId,
            UserId = userId,
            OccurredAt = clock.GetUtcNow().UtcDateTime,
            Payload = JsonSerializer.Serialize(raised.Event, raised.Event.GetType(), JournalJson.Options),
        };
        entry.Records = EventJournalRecord.About(raised.Event, aggregate.Id)
            .Select(id => new EventJournalRecord { EventId = entry.Id, TenantId = entry.TenantId, RecordId = id, OccurredAt = entry.OccurredAt }).ToList();
        return entry;
    }
}

/// <summary>
/// Links an event to a record it is about: the aggregate that raised it, and every record the event names by a Guid property
/// ending in "Id" (a payment names its invoice, contract and customer). Events carry those ids anyway for the next step, so a
/// record's timeline needs no list kept by hand. Ids of users (<c>…UserId</c>) and the tenant are not records: the journal
/// row has its user and tenant already, and linking them would add a row per event that no timeline asks for.
/// </summary>
public sealed class EventJournalRecord
{
    public Guid EventId { get; set; }
    public Guid? TenantId { get; set; }
    public Guid RecordId { get; set; }
    public DateTime OccurredAt { get; set; }

    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> IdProperties = new();

    internal static IEnumerable<Guid> About(IDomainEvent evt, Guid aggregateId)
    {
        var properties = IdProperties.GetOrAdd(evt.GetType(), type => type.GetProperties()
            .Where(p => p.Name.EndsWith("Id", StringComparison.Ordinal) && (p.PropertyType == typeof(Guid) || p.PropertyType == typeof(Guid?))
                && p.Name != "TenantId" && !p.Name.EndsWith("UserId", StringComparison.Ordinal)).ToArray());
        return properties.Select(p => p.GetValue(evt) as Guid? ?? Guid.Empty).Prepend(aggregateId).Where(id => id != Guid.Empty).Distinct();
    }
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
