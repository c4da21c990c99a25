using BizSuite.Automation.Rules;
using BizSuite.Automation.Runs;
using Riok.Mapperly.Abstractions;

namespace BizSuite.Automation;

/// <summary>Entity → DTO mapping of Automation (Mapperly); the rule's signing secret is not mapped.</summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
internal static partial class AutomationMapper
{
    public static partial RuleDto ToDto(this AutomationRule rule);

    public static partial RuleRunDto ToDto(this RuleRun run);
}
