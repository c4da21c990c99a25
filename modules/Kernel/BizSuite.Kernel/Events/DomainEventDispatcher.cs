using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace BizSuite.Kernel;

internal static class DomainEventDispatcher
{
    private static readonly ConcurrentDictionary<Type, Func<IServiceProvider, IDomainEvent, CancellationToken, Task>> Invokers = new();
    private static readonly ConcurrentDictionary<Type, int> Orders = new();

    public static Task DispatchAsync(IServiceProvider services, IDomainEvent domainEvent, CancellationToken cancellationToken) =>
        Invokers.GetOrAdd(domainEvent.GetType(), CreateInvoker)(services, domainEvent, cancellationToken);

    /// <summary>The handlers of an event type in the order they run: by <see cref="HandlerOrderAttribute"/>, then as registered.</summary>
    public static IReadOnlyList<object> HandlersOf(IServiceProvider services, Type eventType) =>
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
        handlers.OrderBy(h => OrderOf(h.GetType())).ToList();

    internal static int OrderOf(Type handlerType) =>
        Orders.GetOrAdd(handlerType, t => t.GetCustomAttribute<HandlerOrderAttribute>()?.Order ?? 0);
}
