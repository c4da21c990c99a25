namespace BizSuite.Kernel;

/// <summary>Something that happened in a module. Types other modules may handle live in the module's Contracts project.</summary>
public interface IDomainEvent;

/// <summary>Handles an event inside the same unit of work: a failure rolls back the whole flow.</summary>
public interface IDomainEventHandler<in TEvent> where TEvent : IDomainEvent
{
    Task HandleAsync(TEvent domainEvent, CancellationToken cancellationToken);
}

/// <summary>
/// Where a handler runs among the handlers of its event: lower first. Handlers without it run at 0, in the order their
/// modules registered them (each module after the modules it depends on). Declare it where the order matters, and say why;
/// <c>docs/events.md</c> shows every event's handlers in the order they run.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class HandlerOrderAttribute(int order) : Attribute
{
    /// <summary>
    /// Handlers that only queue work for the world outside (e-mail, webhooks, group robots, payment links) run after the
    /// handlers that change the suite's records, and among themselves in the order they declare.
    /// </summary>
    public const int Outbox = 100;

    public int Order { get; } = order;
}

public sealed record RaisedEvent(Guid EventId, IDomainEvent Event, Guid? CausationId);

/// <summary>The event whose handler is running, so events raised inside it record it as their cause.</summary>
public static class DomainEventScope
{
    private static readonly AsyncLocal<Guid?> Current = new();
    private static readonly AsyncLocal<DateTime?> CurrentTime = new();
    private static readonly AsyncLocal<Guid?> CurrentCause = new();

    public static Guid? CurrentEventId => Current.Value;

    /// <summary>The event whose handler raised the running event, if any: lets a handler follow a chain of its own doing (a rule triggering itself).</summary>
    public static Guid? CurrentCausationId => CurrentCause.Value;

    /// <summary>
    /// When the running event happened, as its journal entry records it: a projection written by a handler and one rebuilt
    /// from the journal then carry the same time to the microsecond.
    /// </summary>
    public static DateTime? CurrentOccurredAt => CurrentTime.Value;

    internal static IDisposable Enter(Guid eventId, DateTime? occurredAt = null, Guid? causationId = null)
    {
        var (previous, previousTime, previousCause) = (Current.Value, CurrentTime.Value, CurrentCause.Value);
        Current.Value = eventId;
        CurrentTime.Value = occurredAt;
        CurrentCause.Value = causationId;
        return new Restore(() => (Current.Value, CurrentTime.Value, CurrentCause.Value) = (previous, previousTime, previousCause));
    }

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }
}
