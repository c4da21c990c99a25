using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.Loader;

namespace BizSuite.Kernel;

/// <summary>The modules of this host in start-up order: every module after the modules it depends on.</summary>
public sealed class ModuleCatalog
{
    public IReadOnlyList<BizModule> Modules { get; }

    /// <summary>The modules that came from the plugins folder (the app shows a plugin's pages only when it is loaded).</summary>
    public IReadOnlyList<BizModule> Plugins { get; }

    private ModuleCatalog(IReadOnlyList<BizModule> modules, IReadOnlyList<BizModule> plugins) => (Modules, Plugins) = (modules, plugins);

    public static ModuleCatalog Build(IEnumerable<Type> rootModules, string? pluginFolder = null)
    {
        var roots = new List<Type> { typeof(KernelModule) };
        roots.AddRange(rootModules);
        var pluginTypes = pluginFolder is null ? [] : FindPluginModules(pluginFolder).ToHashSet();
        roots.AddRange(pluginTypes);

        var ordered = new List<Type>();
        var state = new Dictionary<Type, bool>(); // false = visiting, true = done
        foreach (var type in roots) Visit(type, state, ordered, []);
        var modules = ordered.Select(t => (BizModule)Activator.CreateInstance(t)!).ToList();
        return new ModuleCatalog(modules, modules.Where(m => pluginTypes.Contains(m.GetType())).ToList());
    }

    private static void Visit(Type type, Dictionary<Type, bool> state, List<Type> ordered, List<Type> path)
    {
        if (!typeof(BizModule).IsAssignableFrom(type) || type.IsAbstract)
            throw new InvalidOperationException($"{type.FullName} is not a concrete BizModule.");
        if (state.TryGetValue(type, out var done))
        {
            if (done) return;
            var cycle = path.SkipWhile(t => t != type).Append(type).Select(t => t.Name);
            throw new InvalidOperationException($"Module dependency cycle: {string.Join(" -> ", cycle)}");
        }
        state[type] = false;
        path.Add(type);
        foreach (var dependency in DependenciesOf(type)) Visit(dependency, state, ordered, path);
        path.RemoveAt(path.Count - 1);
        state[type] = true;
        ordered.Add(type);
    }

    private static IEnumerable<Type> DependenciesOf(Type type)
    {
        var declared = type.GetCustomAttributes<DependsOnAttribute>().SelectMany(a => a.Modules);
        return type == typeof(KernelModule) ? declared : declared.Prepend(typeof(KernelModule));
    }

    /// <summary>
    /// Loads every assembly of the plugin folder into the default context, so plugins share the kernel's and contracts' types
    /// with the host, and returns the modules they declare. A plugin's own dependencies load from the folder (see
    /// <see cref="PluginFolders"/>); copies of assemblies the host ships (kernel, contracts, packages) are skipped. A plugin an
    /// earlier catalog of this process loaded already (tests build many hosts) is that same assembly, found again.
    /// </summary>
    public static IEnumerable<Type> FindPluginModules(string folder)
    {
        if (!Directory.Exists(folder)) return [];
        var folderPath = Path.GetFullPath(folder);
        PluginFolders.Add(folderPath);

        var shipped = ((AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string) ?? "").Split(Path.PathSeparator)
            .Select(Path.GetFileNameWithoutExtension).ToHashSet();
        var modules = new List<Type>();
        foreach (var file in Directory.GetFiles(folderPath, "*.dll").Order())
        {
            var name = AssemblyName.GetAssemblyName(file).Name;
            if (shipped.Contains(name)) continue; // the host ships it: one copy of each type
            var assembly = AssemblyLoadContext.Default.Assemblies.FirstOrDefault(a => a.GetName().Name == name)
                ?? AssemblyLoadContext.Default.LoadFromAssemblyPath(file);
            modules.AddRange(assembly.GetExportedTypes().Where(t => typeof(BizModule).IsAssignableFrom(t) && !t.IsAbstract));
        }
        return modules;
    }
}

/// <summary>
/// The plugin folders searched in this process. The default load context asks <see cref="Resolve"/> (installed once by
/// <see cref="ProcessSetup"/>) for an assembly it cannot find, such as a package only a plugin uses.
/// </summary>
internal static class PluginFolders
{
    private static readonly ConcurrentDictionary<string, bool> Folders = new();

    public static void Add(string folder)
    {
        ProcessSetup.EnsureInstalled();
        Folders.TryAdd(folder, true);
    }

    public static Assembly? Resolve(AssemblyLoadContext context, AssemblyName name) =>
        Folders.Keys.Select(folder => Path.Combine(folder, name.Name + ".dll")).FirstOrDefault(File.Exists) is { } path
            ? context.LoadFromAssemblyPath(path)
            : null;
}
