using System.Collections.Concurrent;
using System.Reflection;

namespace BizSuite.Kernel;

/// <summary>
/// Whether a type or property carries a marker attribute, looked up once: every save asks it of each changed
/// entity ([Audited]) and each audited property ([Sensitive]), and reflection is dearer than the save's own work.
/// </summary>
internal static class MarkedWith<TAttribute> where TAttribute : Attribute
{
    private static readonly ConcurrentDictionary<MemberInfo, bool> Marked = new();

    public static bool Is(MemberInfo? member) => member is not null && Marked.GetOrAdd(member, m => m.IsDefined(typeof(TAttribute), inherit: true));
}
