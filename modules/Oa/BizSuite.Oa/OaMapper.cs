using BizSuite.Oa.Announcements;
using BizSuite.Oa.Approvals;
using Riok.Mapperly.Abstractions;

namespace BizSuite.Oa;

/// <summary>
/// Entity → DTO mapping of OA (Mapperly; common.props says what fails the build). Approvals and tasks stay mapped by
/// hand in their services: they gather approvers' names, progress per round and history.
/// </summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
internal static partial class OaMapper
{
    [MapProperty(nameof(ApprovalFlow.Steps), nameof(ApprovalFlowDto.Steps), Use = nameof(InStepOrder))]
    public static partial ApprovalFlowDto ToDto(this ApprovalFlow flow);

    private static partial ApprovalStepDto ToDto(FlowStep step);

    private static partial ApprovalCcDto ToDto(FlowCc cc);

    /// <summary>When the reader read it is the reader's, not the announcement's: the caller brings it.</summary>
    public static partial AnnouncementDto ToDto(this Announcement announcement, DateTime? readAt);

    private static IReadOnlyList<ApprovalStepDto> InStepOrder(IReadOnlyList<FlowStep> steps) => steps.OrderBy(s => s.Number).Select(ToDto).ToList();
}
