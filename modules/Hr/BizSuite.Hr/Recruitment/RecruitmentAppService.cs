using BizSuite.Hr.Data;
using BizSuite.Hr.Employees;
using BizSuite.Kernel;
using BizSuite.Oa;
using FluentValidation;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Hr.Recruitment;

/// <summary>Recruit-to-onboard up to the hire: openings, candidates, interviews, offers through OA approval.</summary>
internal sealed class RecruitmentAppService(HrDbContext db, EmployeeAppService employees, IApprovalService approvals, DocumentNumbers numbers,
    ICurrentUser currentUser, TimeProvider clock)
{
    public async Task<IReadOnlyList<JobOpeningDto>> GetOpeningsAsync(JobOpeningStatus? status, CancellationToken ct)
    {
        var query = db.JobOpenings.AsNoTracking();
        if (status is not null) query = query.Where(o => o.Status == status);
        var openings = await query.OrderByDescending(o => o.CreatedAt).ToListAsync(ct);
        var ids = openings.Select(o => o.Id).ToList();
        var counts = await db.Candidates.AsNoTracking().Where(c => ids.Contains(c.OpeningId)).GroupBy(c => c.OpeningId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var departments = await db.DepartmentNamesAsync(openings.Select(o => o.DepartmentId), ct);
        return openings.Select(o => o.ToDto(o.DepartmentId is { } d ? departments.GetValueOrDefault(d) : null, counts.GetValueOrDefault(o.Id))).ToList();
    }

    public async Task<JobOpeningDto> GetOpeningAsync(Guid id, CancellationToken ct) => await ToDtoAsync(await LoadOpeningAsync(id, ct), ct);

    public async Task<JobOpeningDto> CreateOpeningAsync(SaveJobOpeningRequest request, CancellationToken ct)
    {
        await EnsureDepartmentAsync(request.DepartmentId, ct);
        var opening = new JobOpening(request);
        db.JobOpenings.Add(opening);
        return await ToDtoAsync(opening, ct);
    }

    public async Task<JobOpeningDto> UpdateOpeningAsync(Guid id, SaveJobOpeningRequest request, CancellationToken ct)
    {
        var opening = await LoadOpeningAsync(id, ct);
        await EnsureDepartmentAsync(request.DepartmentId, ct);
        opening.Update(request);
        return await ToDtoAsync(opening, ct);
    }

    public async Task<PagedResult<CandidateDto>> GetCandidatesAsync(PageRequest page, Guid? openingId, CandidateStage? stage, CancellationToken ct)
    {
        var query = db.Candidates.AsNoTracking();
        if (openingId is not null) query = query.Where(c => c.OpeningId == openingId);
        if (stage is not null) query = query.Where(c => c.Stage == stage);
        if (!string.IsNullOrWhiteSpace(page.Filter)) query = query.Where(c => c.Name.Contains(page.Filter) || c.Email.Contains(page.Filter));
        query = query.SortBy(page, ("createdAt", c => c.CreatedAt), ("name", c => c.Name), ("stage", c => c.Stage));
        var items = await query.Skip(page.Skip).Take(page.Take).ToListAsync(ct);
        return new PagedResult<CandidateDto>(await ToDtosAsync(items, ct), await query.LongCountAsync(ct));
    }

    public async Task<CandidateDto> GetCandidateAsync(Guid id, CancellationToken ct) => (await ToDtosAsync([await LoadCandidateAsync(id, ct)], ct))[0];

    public async Task<CandidateDto> CreateCandidateAsync(SaveCandidateRequest request, CancellationToken ct)
    {
        var opening = await LoadOpeningAsync(request.OpeningId, ct);
        if (opening.Status == JobOpeningStatus.Closed) throw new BusinessException(HrErrors.OpeningClosed, StatusCodes.Status409Conflict, opening.Title);
        var candidate = new Candidate(request);
        db.Candidates.Add(candidate);
        return (await ToDtosAsync([candidate], ct))[0];
    }

    public async Task<CandidateDto> UpdateCandidateAsync(Guid id, SaveCandidateRequest request, CancellationToken ct)
    {
        var candidate = await LoadCandidateAsync(id, ct);
        await LoadOpeningAsync(request.OpeningId, ct);
        candidate.Update(request);
        return (await ToDtosAsync([candidate], ct))[0];
    }

    public async Task<CandidateDto> MoveAsync(Guid id, MoveCandidateRequest request, CancellationToken ct)
    {
        var candidate = await LoadCandidateAsync(id, ct);
        candidate.MoveTo(request.Stage, request.Reason, (await LatestOfferAsync(id, ct))?.Status == OfferStatus.Pending);
        return (await ToDtosAsync([candidate], ct))[0];
    }

    public async Task<CandidateDto> RecordInterviewAsync(Guid id, RecordInterviewRequest request, CancellationToken ct)
    {
        var candidate = await LoadCandidateAsync(id, ct);
        candidate.RecordInterview(request.At, request.Interviewer, request.Result, request.Notes);
        return (await ToDtosAsync([candidate], ct))[0];
    }

    /// <summary>Makes an offer and asks OA to approve it; the approval's events decide it (<see cref="DecideOfferWhenApprovalCompleted"/>).</summary>
    public async Task<CandidateDto> MakeOfferAsync(Guid id, MakeOfferRequest request, CancellationToken ct)
    {
        var candidate = await LoadCandidateAsync(id, ct);
        var latest = await LatestOfferAsync(id, ct);
        if (latest?.Status is OfferStatus.Pending or OfferStatus.Approved) throw new BusinessException(HrErrors.OfferPending, StatusCodes.Status409Conflict);
        await EnsureDepartmentAsync(request.DepartmentId, ct);
        if (request.ManagerId is { } manager) await employees.LoadAsync(manager, ct);
        candidate.OfferMade();
        var offer = new Offer(candidate.Id, $"OF{clock.GetUtcNow().Year}{await numbers.NextAsync("hr-offer", ct):D5}", request);
        db.Offers.Add(offer);
        await approvals.RequestAsync(new ApprovalRequest(ApprovalDocumentTypes.Offer, offer.Id, offer.Number, $"录用 Offer: {candidate.Name} · {offer.Position}",
            currentUser.Id!.Value, offer.MonthlySalary, Offer.Currency, Link: $"/hr/candidates/{candidate.Id}"), ct);
        return (await ToDtosAsync([candidate], ct))[0];
    }

    /// <summary>
    /// The candidate becomes an employee on probation and <see cref="EmployeeHired"/> sets onboarding off (account, tasks,
    /// welcome). The account's name and initial password are filled in by the time the response is written.
    /// </summary>
    public async Task<Employee> HireAsync(Guid id, CancellationToken ct)
    {
        var candidate = await LoadCandidateAsync(id, ct);
        var offer = await LatestOfferAsync(id, ct) ?? throw new BusinessException(HrErrors.OfferNotApproved, StatusCodes.Status409Conflict);
        offer.EnsureHireable();
        candidate.EnsureHireable();
        var employee = await employees.AddAsync(new EmployeeData(candidate.Name, offer.DepartmentId, offer.Position, offer.ManagerId, offer.StartDate,
            EmployeeStatus.Probation, candidate.Phone, candidate.Email), null, ct);
        candidate.Hired(employee.Id);
        employee.Hired();
        return employee;
    }

    private Task<Offer?> LatestOfferAsync(Guid candidateId, CancellationToken ct) =>
        db.Offers.Where(o => o.CandidateId == candidateId).OrderByDescending(o => o.Number).FirstOrDefaultAsync(ct);

    private async Task EnsureDepartmentAsync(Guid? departmentId, CancellationToken ct)
    {
        if (departmentId is { } id && await db.Departments.FindAsync([id], ct) is null) throw new EntityNotFoundException("Department", id);
    }

    private async Task<JobOpening> LoadOpeningAsync(Guid id, CancellationToken ct) =>
        await db.JobOpenings.FirstOrDefaultAsync(o => o.Id == id, ct) ?? throw new EntityNotFoundException("JobOpening", id);

    private async Task<Candidate> LoadCandidateAsync(Guid id, CancellationToken ct) =>
        await db.Candidates.FirstOrDefaultAsync(c => c.Id == id, ct) ?? throw new EntityNotFoundException("Candidate", id);

    private async Task<JobOpeningDto> ToDtoAsync(JobOpening opening, CancellationToken ct) =>
        opening.ToDto((await db.DepartmentNamesAsync([opening.DepartmentId], ct)).Values.SingleOrDefault(), await db.Candidates.CountAsync(c => c.OpeningId == opening.Id, ct));

    private async Task<List<CandidateDto>> ToDtosAsync(IReadOnlyList<Candidate> candidates, CancellationToken ct)
    {
        var ids = candidates.Select(c => c.Id).ToList();
        var openingIds = candidates.Select(c => c.OpeningId).Distinct().ToList();
        var openings = await db.JobOpenings.AsNoTracking().Where(o => openingIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Title, ct);
        // Offers added in this unit of work (a new offer's answer) are not in the database yet.
        var offers = (await db.Offers.AsNoTracking().Where(o => ids.Contains(o.CandidateId)).ToListAsync(ct))
            .Concat(db.Offers.Local.Where(o => ids.Contains(o.CandidateId)))
            .GroupBy(o => o.CandidateId).ToDictionary(g => g.Key, g => g.OrderByDescending(o => o.Number).First());
        var departments = await db.DepartmentNamesAsync(offers.Values.Select(o => o.DepartmentId), ct);
        var managers = await db.EmployeeNamesAsync(offers.Values.Select(o => o.ManagerId), ct);
        return candidates.Select(c => new CandidateDto(c.Id, c.Name, c.Email, c.Phone, c.OpeningId, openings.GetValueOrDefault(c.OpeningId, ""), c.Stage,
            c.RejectionReason, c.EmployeeId,
            c.Interviews.OrderBy(i => i.At).Select(i => new InterviewDto(i.Id, i.At, i.Interviewer, i.Result, i.Notes)).ToList(),
            offers.GetValueOrDefault(c.Id) is { } o
                ? new OfferDto(o.Id, o.Number, o.MonthlySalary, Offer.Currency, o.StartDate, o.Position, o.DepartmentId,
                    o.DepartmentId is { } d ? departments.GetValueOrDefault(d) : null, o.ManagerId, o.ManagerId is { } m ? managers.GetValueOrDefault(m) : null,
                    o.Status, o.DecisionComment, o.CreatedAt)
                : null,
            c.CreatedAt)).ToList();
    }
}

internal sealed class SaveJobOpeningRequestValidator : AbstractValidator<SaveJobOpeningRequest>
{
    public SaveJobOpeningRequestValidator()
    {
        RuleFor(r => r.Title).NotEmpty().MaximumLength(100);
        RuleFor(r => r.Headcount).InclusiveBetween(1, 1000);
        RuleFor(r => r.Description).MaximumLength(2000);
        RuleFor(r => r.Status).IsInEnum();
    }
}

internal sealed class SaveCandidateRequestValidator : AbstractValidator<SaveCandidateRequest>
{
    public SaveCandidateRequestValidator()
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(100);
        // The e-mail becomes the new employee's login and where the initial password goes.
        RuleFor(r => r.Email).NotEmpty().EmailAddress().MaximumLength(256);
        RuleFor(r => r.Phone).MaximumLength(32);
    }
}

internal sealed class MoveCandidateRequestValidator : AbstractValidator<MoveCandidateRequest>
{
    public MoveCandidateRequestValidator()
    {
        RuleFor(r => r.Stage).IsInEnum();
        RuleFor(r => r.Reason).MaximumLength(500);
    }
}

internal sealed class RecordInterviewRequestValidator : AbstractValidator<RecordInterviewRequest>
{
    public RecordInterviewRequestValidator()
    {
        RuleFor(r => r.Interviewer).NotEmpty().MaximumLength(100);
        RuleFor(r => r.Result).IsInEnum();
        RuleFor(r => r.Notes).MaximumLength(2000);
    }
}

internal sealed class MakeOfferRequestValidator : AbstractValidator<MakeOfferRequest>
{
    public MakeOfferRequestValidator()
    {
        RuleFor(r => r.MonthlySalary).GreaterThan(0).LessThan(10_000_000);
        RuleFor(r => r.StartDate).NotEmpty();
        RuleFor(r => r.Position).NotEmpty().MaximumLength(100);
    }
}
