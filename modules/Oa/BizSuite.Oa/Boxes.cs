using BizSuite.Kernel;
using Microsoft.AspNetCore.Http;

namespace BizSuite.Oa;

/// <summary>The tab of a work list: <c>?box=assigned|submitted|done|cc</c> (tasks: <c>mine|assigned-by-me</c>); none is the first tab.</summary>
internal static class Boxes
{
    public static TBox Parse<TBox>(string? box, TBox first) where TBox : struct, Enum =>
        box is null ? first
        : Enum.TryParse<TBox>(box.Replace("-", ""), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed
        : throw new BusinessException(OaErrors.UnknownBox, StatusCodes.Status400BadRequest, box) { Field = "box" };
}
