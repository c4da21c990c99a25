using System.Reflection;
using System.Text;
using Microsoft.Extensions.DependencyInjection;

namespace BizSuite.Kernel;

/// <summary>An event a module makes public outside the suite under a stable name (the Webhooks module registers one per subscribable event).</summary>
public sealed record PublicEventName(Type EventType, string Name);

/// <summary>
/// The text of <c>docs/events.md</c>: every domain event of a composed host with the module that publishes it and the
/// project it lives in, its handlers in the order the dispatcher runs them, and its public name. Read from the host's
/// registrations and types, not from source text, so it cannot drift from what runs.
/// </summary>
public static class EventMap
{
    public const string RegenerateCommand = "BIZSUITE_WRITE_EVENT_MAP=1 dotnet test tests/BizSuite.ArchitectureTests --filter EventMap";

    public static async Task<string> MarkdownAsync(IServiceProvider services)
    {
        var modules = services.GetRequiredService<ModuleCatalog>().Modules;
        var publicNames = services.GetServices<PublicEventName>().ToDictionary(p => p.EventType, p => p.Name);
        await using var scope = services.CreateAsyncScope();
        var dispatcher = scope.ServiceProvider.GetRequiredService<DomainEventDispatcher>();

        var events = modules.Select(m => m.Assembly)
            .SelectMany(a => a.GetReferencedAssemblies().Where(r => r.Name!.StartsWith("BizSuite.")).Select(Assembly.Load).Prepend(a))
            .Distinct()
            .SelectMany(a => a.GetTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IDomainEvent).IsAssignableFrom(t))
            .Select(t => (Type: t, Publisher: ModuleOf(t.Assembly)))
            .OrderBy(e => e.Publisher is null ? int.MaxValue : modules.ToList().IndexOf(e.Publisher)).ThenBy(e => e.Type.Name, StringComparer.Ordinal)
            .ToList();

        var text = new StringBuilder();
        text.AppendLine("# Domain events").AppendLine();
        text.AppendLine($"<!-- Generated from the composed host's registrations (every module and the robot-notifier plugin); do not edit. Regenerate: {RegenerateCommand} -->").AppendLine();
        text.AppendLine("""
            Every event a module raises, and who reacts to it. Handlers run inside the unit of work that raised the event (a
            failing handler rolls the whole flow back), one event round after another, in the order listed: by their declared
            `[HandlerOrder]` (shown), then in registration order (each module after the modules it depends on). An event with a
            webhook name is also queued for the partners who subscribe to it (Webhooks module), once the flow commits.
            """).AppendLine();
        text.AppendLine("| event | published by | project | handlers | webhook |").AppendLine("|---|---|---|---:|---|");
        var sections = new StringBuilder();
        foreach (var (type, publisher) in events)
        {
            var handlers = dispatcher.HandlersOf(type);
            var webhook = publicNames.TryGetValue(type, out var name) ? $"`{name}`" : "";
            text.AppendLine($"| [{type.Name}](#{type.Name.ToLowerInvariant()}) | {publisher?.Name ?? "?"} | `{type.Assembly.GetName().Name}` | {handlers.Count} | {webhook} |");

            sections.AppendLine($"## {type.Name}").AppendLine();
            sections.AppendLine($"Published by {publisher?.Name ?? "?"} from `{type.Assembly.GetName().Name}`{(webhook.Length > 0 ? $"; webhook {webhook}" : "")}.").AppendLine();
            if (handlers.Count == 0)
            {
                sections.AppendLine("No handlers: it is journalled (document chain, KPIs).").AppendLine();
                continue;
            }
            sections.AppendLine("| # | module | handler | order |").AppendLine("|---:|---|---|---:|");
            foreach (var (handler, index) in handlers.Select((h, i) => (h.GetType(), i + 1)))
            {
                var declared = handler.GetCustomAttribute<HandlerOrderAttribute>()?.Order.ToString() ?? "";
                sections.AppendLine($"| {index} | {ModuleOf(handler.Assembly)?.Name ?? handler.Assembly.GetName().Name} | `{Name(handler)}` | {declared} |");
            }
            sections.AppendLine();
        }
        text.AppendLine().Append(sections);
        return text.ToString().TrimEnd() + "\n";

        // An event lives in its module's assembly or in the module's Contracts project (BizSuite.Crm.Contracts → Crm).
        BizModule? ModuleOf(Assembly assembly)
        {
            var assemblyName = assembly.GetName().Name!;
            return modules.FirstOrDefault(m => m.Assembly.GetName().Name is { } own && (assemblyName == own || assemblyName == own + ".Contracts"));
        }
    }

    private static string Name(Type type) => type.IsGenericType
        ? $"{type.Name[..type.Name.IndexOf('`')]}<{string.Join(", ", type.GetGenericArguments().Select(Name))}>"
        : type.Name;
}
