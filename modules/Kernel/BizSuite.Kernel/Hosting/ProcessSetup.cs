using System.Runtime.Loader;
using FluentValidation;

namespace BizSuite.Kernel;

/// <summary>
/// The process-wide hooks the kernel needs, installed here and only here, once per process however many hosts it builds
/// (tests build dozens): FluentValidation's display-name resolver (<see cref="FieldNames"/>) and the resolving of plugins'
/// own dependencies (<see cref="PluginFolders"/>). Neither keeps one host's state: the field names come from the localizer
/// of the validation under way, and a plugin's dependency from any plugin folder a catalog has searched.
/// </summary>
internal static class ProcessSetup
{
    private static readonly Lazy<bool> Installed = new(Install);

    /// <summary>Installs the hooks on the first call; later calls do nothing.</summary>
    public static void EnsureInstalled() => _ = Installed.Value;

    private static bool Install()
    {
        ValidatorOptions.Global.DisplayNameResolver = FieldNames.Resolve;
        AssemblyLoadContext.Default.Resolving += PluginFolders.Resolve;
        return true;
    }
}
