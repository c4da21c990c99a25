using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace BizSuite.Kernel;

/// <summary>
/// Runs an event's handlers, resolved from the scope of the unit of work that raised it, in their declared order. The one
/// place that reaches into the scope by type: handlers depend on module DbContexts, which depend on the unit of work.
/// </summary>
public sealed class DomainEventDispatcher(IServiceProvider services)
{
    private static readonly ConcurrentDictionary<Type, Func<IServiceProvider, IDomainEvent, CancellationToken, Task>> Invokers = new();
    private static readonly ConcurrentDictionary<Type, int> Orders = new();

    public async Task DispatchAsync(IDomainEvent domainEvent, CancellationToken cancellationToken)
    {
        var type = domainEvent.GetType();
        using var activity = Telemetry.Source.HasListeners()
            ? Telemetry.Start("event " + type.Name, services.GetService<ICurrentTenant>()?.Id, services.GetService<UnitOfWork>()?.CorrelationId)
            : null;
        await Invokers.GetOrAdd(type, CreateInvoker)(services, domainEvent, cancellationToken);
        Telemetry.EventsDispatched.Add(1, new KeyValuePair<string, object?>("event", type.Name));
    }

    /// <summary>The handlers of an event type in the order they run: by <see cref="HandlerOrderAttribute"/>, then as registered.</summary>
    public IReadOnlyList<object> HandlersOf(Type eventType) =>
        InOrder(services.GetServices(typeof(IDomainEventHandler<>).MakeGenericType(eventType)).OfType<object>());

    private static Func<IServiceProvider, IDomainEvent, CancellationToken, Task> CreateInvoker(Type eventType) =>
        typeof(DomainEventDispatcher).GetMethod(nameof(InvokeHandlers), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(eventType)
            .CreateDelegate<Func<IServiceProvider, IDomainEvent, CancellationToken, Task>>();

    private static async Task InvokeHandlers<TEvent>(IServiceProvider services, IDomainEvent domainEvent, CancellationToken cancellationToken)
        where TEvent : IDomainEvent
    {
        foreach (var handler in InOrder(services.GetServices<IDomainEventHandler<TEvent>>()))
            await handler.HandleAsync((TEvent)domainEvent, cancellationToken);
    }

    // OrderBy is stable: handlers of the same order keep their registration order.
    private static IReadOnlyList<T> InOrder<T>(IEnumerable<T> handlers) where T : notnull =>
        handlers.OrderBy(h => Orders.GetOrAdd(h.GetType(), t => t.GetCustomAttribute<HandlerOrderAttribute>()?.Order ?? 0)).ToList();
}
