namespace BizSuite.Kernel;

/// <summary>Something that happened in a module. Types other modules may handle live in the module's Contracts project.</summary>
public interface IDomainEvent;

/// <summary>Handles an event inside the same unit of work: a failure rolls back the whole flow.</summary>
public interface IDomainEventHandler<in TEvent> where TEvent : IDomainEvent
{
    Task HandleAsync(TEvent domainEvent, CancellationToken cancellationToken);
}

public sealed record RaisedEvent(Guid EventId, IDomainEvent Event, Guid? CausationId);

/// <summary>The event whose handler is running, so events raised inside it record it as their cause.</summary>
public static class DomainEventScope
{
    private static readonly AsyncLocal<Guid?> Current = new();

    public static Guid? CurrentEventId => Current.Value;

    internal static IDisposable Enter(Guid eventId)
    {
        var previous = Current.Value;
        Current.Value = eventId;
        return new Restore(() => Current.Value = previous);
    }

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }
}
