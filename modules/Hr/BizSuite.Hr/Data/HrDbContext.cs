using BizSuite.Hr.Departments;
using BizSuite.Hr.Employees;
using BizSuite.Hr.Recruitment;
using BizSuite.Hr.Expenses;
using BizSuite.Hr.Leave;
using BizSuite.Kernel;
using Microsoft.EntityFrameworkCore;

namespace BizSuite.Hr.Data;

internal sealed class HrDbContext(DbContextOptions<HrDbContext> options) : BizDbContext(options)
{
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<Employee> Employees => Set<Employee>();
    public DbSet<JobOpening> JobOpenings => Set<JobOpening>();
    public DbSet<Candidate> Candidates => Set<Candidate>();
    public DbSet<Offer> Offers => Set<Offer>();

    /// <summary>Names for rows that show an employee (department heads, managers).</summary>
    public async Task<Dictionary<Guid, string>> EmployeeNamesAsync(IEnumerable<Guid?> employeeIds, CancellationToken ct)
    {
        var ids = employeeIds.OfType<Guid>().Distinct().ToList();
        return await Employees.AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, ct);
    }

    public async Task<Dictionary<Guid, string>> DepartmentNamesAsync(IEnumerable<Guid?> departmentIds, CancellationToken ct)
    {
        var ids = departmentIds.OfType<Guid>().Distinct().ToList();
        return await Departments.AsNoTracking().Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, ct);
    }

    private static readonly IReadOnlyList<Searchable> SearchableRecords =
    [
        Searchable.For<Employee>(HrRecordTypes.Employee, e => [e.Name, e.Number, e.Email, e.Position]),
    ];

    protected override IReadOnlyList<Searchable> Searchables => SearchableRecords;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Department>(b =>
        {
            b.ToTable("hr_departments");
            b.Property(d => d.Name).HasMaxLength(100);
            b.Property(d => d.Code).HasMaxLength(32);
            b.HasIndex(d => new { d.TenantId, d.Code }).IsUnique();
            b.HasIndex(d => new { d.TenantId, d.ParentId });
        });
        modelBuilder.Entity<Employee>(b =>
        {
            b.ToTable("hr_employees");
            b.Property(e => e.Number).HasMaxLength(16);
            b.Property(e => e.Name).HasMaxLength(100);
            b.Property(e => e.Position).HasMaxLength(100);
            b.Property(e => e.Status).HasConversion<string>().HasMaxLength(16);
            b.Property(e => e.Phone).HasMaxLength(32);
            b.Property(e => e.Email).HasMaxLength(256);
            b.Property(e => e.EncryptedNationalId).HasMaxLength(1000);
            b.Property(e => e.NationalIdMasked).HasMaxLength(18);
            b.HasIndex(e => new { e.TenantId, e.Number }).IsUnique();
            b.HasCustomFields("hr_employee_field_values");
            b.HasIndex(e => new { e.TenantId, e.Email }).IsUnique();
            b.HasIndex(e => new { e.TenantId, e.UserId }).IsUnique();
            b.HasIndex(e => new { e.TenantId, e.DepartmentId });
        });
        modelBuilder.Entity<JobOpening>(b =>
        {
            b.ToTable("hr_job_openings");
            b.Property(o => o.Title).HasMaxLength(100);
            b.Property(o => o.Description).HasMaxLength(2000);
            b.Property(o => o.Status).HasConversion<string>().HasMaxLength(16);
        });
        modelBuilder.Entity<Candidate>(b =>
        {
            b.ToTable("hr_candidates");
            b.Property(c => c.Name).HasMaxLength(100);
            b.Property(c => c.Email).HasMaxLength(256);
            b.Property(c => c.Phone).HasMaxLength(32);
            b.Property(c => c.Stage).HasConversion<string>().HasMaxLength(16);
            b.Property(c => c.RejectionReason).HasMaxLength(500);
            b.HasIndex(c => new { c.TenantId, c.OpeningId });
            b.HasIndex(c => new { c.TenantId, c.EmployeeId });
            b.OwnsMany(c => c.Interviews, i =>
            {
                // Ids come from the domain: without ValueGeneratedNever EF takes a new interview for an existing row.
                i.ToTable("hr_interviews");
                i.WithOwner().HasForeignKey("CandidateId");
                i.HasKey(x => x.Id);
                i.Property(x => x.Id).ValueGeneratedNever();
                i.Property(x => x.Interviewer).HasMaxLength(100);
                i.Property(x => x.Result).HasConversion<string>().HasMaxLength(8);
                i.Property(x => x.Notes).HasMaxLength(2000);
            });
            b.Navigation(c => c.Interviews).HasField("_interviews");
        });
        modelBuilder.Entity<Offer>(b =>
        {
            b.ToTable("hr_offers");
            b.Property(o => o.Number).HasMaxLength(32);
            b.Property(o => o.Position).HasMaxLength(100);
            b.Property(o => o.Status).HasConversion<string>().HasMaxLength(16);
            b.Property(o => o.DecisionComment).HasMaxLength(1000);
            b.HasIndex(o => new { o.TenantId, o.Number }).IsUnique();
            b.HasIndex(o => new { o.TenantId, o.CandidateId });
        });
        modelBuilder.Entity<LeaveType>(b =>
        {
            b.ToTable("hr_leave_types");
            b.Property(t => t.Name).HasMaxLength(50);
            b.Property(t => t.YearlyDays).HasPrecision(5, 1);
            b.HasIndex(t => new { t.TenantId, t.Name }).IsUnique();
        });
        modelBuilder.Entity<LeaveBalance>(b =>
        {
            b.ToTable("hr_leave_balances");
            b.Property(x => x.Entitled).HasPrecision(5, 1);
            b.Property(x => x.Used).HasPrecision(5, 1);
            b.Property(x => x.Version).IsConcurrencyToken();
            b.HasIndex(x => new { x.TenantId, x.EmployeeId, x.LeaveTypeId, x.Year }).IsUnique();
        });
        modelBuilder.Entity<LeaveRequest>(b =>
        {
            b.ToTable("hr_leave_requests");
            b.Property(r => r.Number).HasMaxLength(32);
            b.Property(r => r.EmployeeName).HasMaxLength(100);
            b.Property(r => r.LeaveTypeName).HasMaxLength(50);
            b.Property(r => r.Days).HasPrecision(5, 1);
            b.Property(r => r.Reason).HasMaxLength(500);
            b.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
            b.Property(r => r.DecisionComment).HasMaxLength(500);
            b.HasIndex(r => new { r.TenantId, r.Number }).IsUnique();
            b.HasIndex(r => new { r.TenantId, r.EmployeeId, r.From });
            b.HasIndex(r => new { r.TenantId, r.DepartmentId, r.From });
        });
        modelBuilder.Entity<ExpenseClaim>(b =>
        {
            b.ToTable("hr_expense_claims");
            b.Property(c => c.Number).HasMaxLength(32);
            b.Property(c => c.EmployeeName).HasMaxLength(100);
            b.Property(c => c.Title).HasMaxLength(200);
            b.Property(c => c.Currency).HasMaxLength(3);
            b.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
            b.Property(c => c.RejectionComment).HasMaxLength(500);
            b.HasIndex(c => new { c.TenantId, c.Number }).IsUnique();
            b.HasIndex(c => new { c.TenantId, c.EmployeeId });
            b.HasIndex(c => new { c.TenantId, c.DepartmentId });
            b.OwnsMany(c => c.Lines, l =>
            {
                l.ToTable("hr_expense_lines");
                l.WithOwner().HasForeignKey("ClaimId");
                l.HasKey("Id");
                l.Property("Id").ValueGeneratedNever();
                l.Property(x => x.Category).HasMaxLength(32);
                l.Property(x => x.Description).HasMaxLength(200);
                l.HasIndex(x => x.AttachmentId);
            });
            b.Navigation(c => c.Lines).HasField("_lines");
        });
        modelBuilder.Entity<Attachment>(b =>
        {
            b.ToTable("hr_attachments");
            b.Property(a => a.FileName).HasMaxLength(200);
            b.Property(a => a.ContentType).HasMaxLength(100);
            b.Property(a => a.Content).HasColumnType("mediumblob");
            b.HasIndex(a => new { a.TenantId, a.UploadedBy });
        });
        modelBuilder.HasSearchTerms("hr_search_terms");
        base.OnModelCreating(modelBuilder);
    }
}

internal sealed class HrDbContextFactory : DesignTimeDbContextFactory<HrDbContext>;
