using BizSuite.Identity;
using BizSuite.Kernel;
using BizSuite.Oa.Approvals;
using BizSuite.Oa.Data;
using FluentValidation;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Oa.Delegations;

public sealed record DelegationDto(Guid Id, Guid UserId, string? UserName, Guid SubstituteUserId, string? SubstituteName, DateTime StartsAt, DateTime EndsAt,
    IReadOnlyList<string> DocumentTypes, string? Reason, Guid? LeaveRequestId, DateTime? CancelledAt);

/// <summary>No document types means all of them.</summary>
public sealed record CreateDelegationRequest(Guid SubstituteUserId, DateTime StartsAt, DateTime EndsAt, IReadOnlyList<string>? DocumentTypes, string? Reason);

/// <summary>A user's own delegations (委托): who stands in for them while they are away, and whom they stand in for.</summary>
internal sealed class DelegationAppService(OaDbContext db, ApproverResolver resolver, IUserDirectory users, ICurrentUser currentUser, TimeProvider clock)
{
    private Guid Me => currentUser.Id ?? throw new InvalidOperationException("Delegations need a signed-in user.");

    public async Task<IReadOnlyList<DelegationDto>> GetListAsync(CancellationToken ct)
    {
        var me = Me;
        var list = await db.Delegations.AsNoTracking().Where(d => d.UserId == me || d.SubstituteUserId == me)
            .OrderByDescending(d => d.StartsAt).Take(200).ToListAsync(ct);
        return await ToDtosAsync(list, ct);
    }

    public async Task<DelegationDto> CreateAsync(CreateDelegationRequest request, CancellationToken ct)
    {
        if (request.SubstituteUserId == Me || !await resolver.IsActiveAsync(request.SubstituteUserId, ct))
            throw new BusinessException(OaErrors.UnknownUser, StatusCodes.Status422UnprocessableEntity, request.SubstituteUserId) { Field = "substituteUserId" };
        var delegation = Delegation.Create(Me, request.SubstituteUserId, request.StartsAt.ToUniversalTime(), request.EndsAt.ToUniversalTime(),
            request.DocumentTypes, request.Reason);
        db.Delegations.Add(delegation);
        return (await ToDtosAsync([delegation], ct))[0];
    }

    /// <summary>Ends the delegation now (items already with the substitute stay there).</summary>
    public async Task CancelAsync(Guid id, CancellationToken ct)
    {
        var me = Me;
        var delegation = await db.Delegations.FirstOrDefaultAsync(d => d.Id == id && d.UserId == me, ct) ?? throw new EntityNotFoundException("Delegation", id);
        delegation.Cancel(clock.GetUtcNow().UtcDateTime);
    }

    private async Task<IReadOnlyList<DelegationDto>> ToDtosAsync(IReadOnlyList<Delegation> list, CancellationToken ct)
    {
        var names = (await users.FindAsync(list.SelectMany(d => new[] { d.UserId, d.SubstituteUserId }).Distinct().ToList(), ct))
            .ToDictionary(u => u.UserId, u => u.Name);
        return list.Select(d => new DelegationDto(d.Id, d.UserId, names.GetValueOrDefault(d.UserId), d.SubstituteUserId, names.GetValueOrDefault(d.SubstituteUserId),
            d.StartsAt, d.EndsAt, d.Types, d.Reason, d.LeaveRequestId, d.CancelledAt)).ToList();
    }
}

/// <summary>The substitute of a user at a moment: the latest-starting delegation that covers it.</summary>
internal sealed class DelegationSubstitutes(OaDbContext db) : ISubstitutes
{
    public async Task<Guid?> FindAsync(Guid userId, string documentType, DateTime at, CancellationToken ct)
    {
        var candidates = await db.Delegations.AsNoTracking()
            .Where(d => d.UserId == userId && d.CancelledAt == null && d.StartsAt <= at && d.EndsAt > at).OrderByDescending(d => d.StartsAt).ToListAsync(ct);
        return candidates.FirstOrDefault(d => d.Covers(documentType, at))?.SubstituteUserId;
    }
}

internal sealed class CreateDelegationRequestValidator : AbstractValidator<CreateDelegationRequest>
{
    public CreateDelegationRequestValidator()
    {
        RuleFor(r => r.SubstituteUserId).NotEmpty();
        RuleFor(r => r.EndsAt).GreaterThan(r => r.StartsAt);
        RuleForEach(r => r.DocumentTypes).Must(t => ApprovalDocumentTypes.All.Contains(t));
        RuleFor(r => r.Reason).MaximumLength(200);
    }
}
