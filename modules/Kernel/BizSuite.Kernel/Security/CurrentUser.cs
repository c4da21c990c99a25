using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace BizSuite.Kernel;

public interface ICurrentUser
{
    Guid? Id { get; }
    string? UserName { get; }
    bool IsAuthenticated { get; }
}

internal sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public Guid? Id => Guid.TryParse(Principal?.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? Principal?.FindFirst("sub")?.Value, out var id) ? id : null;
    public string? UserName => Principal?.FindFirst(ClaimTypes.Name)?.Value ?? Principal?.FindFirst("name")?.Value;
    public bool IsAuthenticated => Principal?.Identity?.IsAuthenticated == true;
}
