import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Dto, Enum, Paged, PageQuery, toParams } from '../core/api';
import type { CustomFilter } from '../shared/custom-fields';

export type EmployeeStatus = Enum<'EmployeeStatus'>;
export const EMPLOYEE_STATUSES: EmployeeStatus[] = ['Probation', 'Active', 'OnLeave', 'Resigned'];
export type CandidateStage = Enum<'CandidateStage'>;
export const CANDIDATE_STAGES: CandidateStage[] = ['Applied', 'Screening', 'Interview', 'Offer', 'Hired', 'Rejected'];
/** The moves a recruiter makes by hand (the server's stage machine; hiring has its own button). */
export const STAGE_MOVES: Record<CandidateStage, CandidateStage[]> = {
  Applied: ['Screening', 'Interview', 'Rejected'], Screening: ['Interview', 'Rejected'], Interview: ['Offer', 'Rejected'],
  Offer: ['Rejected'], Hired: [], Rejected: [],
};

export type Department = Dto<'DepartmentDto'>;
export type SaveDepartment = Dto<'SaveDepartmentRequest'>;
export type Employee = Dto<'EmployeeDto'>;
export type SaveEmployee = Dto<'SaveEmployeeRequest'>;
export type OrgPerson = Dto<'OrgChartPerson'>;
export type OrgNode = Dto<'OrgChartNode'>;

export type JobOpening = Dto<'JobOpeningDto'>;
export type SaveJobOpening = Dto<'SaveJobOpeningRequest'>;
export type Interview = Dto<'InterviewDto'>;
export type Offer = Dto<'OfferDto'>;
export type Candidate = Dto<'CandidateDto'>;
export type SaveCandidate = Dto<'SaveCandidateRequest'>;
export type MakeOffer = Dto<'MakeOfferRequest'>;
export type HireResult = Dto<'HireResponse'>;

/** Every department in tree order (parents before children) with its depth, for indented lists and pickers. */
export function treeOrder(departments: Department[]): { department: Department; depth: number }[] {
  const ids = new Set(departments.map(d => d.id));
  const out: { department: Department; depth: number }[] = [];
  const walk = (children: Department[], depth: number) => {
    for (const d of children) {
      out.push({ department: d, depth });
      walk(departments.filter(x => x.parentId === d.id), depth + 1);
    }
  };
  walk(departments.filter(d => d.parentId === null || !ids.has(d.parentId)), 0);
  return out;
}

@Injectable({ providedIn: 'root' })
export class HrApi {
  private readonly http = inject(HttpClient);

  departments() { return this.http.get<Department[]>('/api/hr/departments'); }
  createDepartment(body: SaveDepartment) { return this.http.post<Department>('/api/hr/departments', body); }
  updateDepartment(id: string, body: SaveDepartment) { return this.http.put<Department>(`/api/hr/departments/${id}`, body); }
  deleteDepartment(id: string) { return this.http.delete<void>(`/api/hr/departments/${id}`); }
  orgChart() { return this.http.get<OrgNode[]>('/api/hr/org-chart'); }

  /** `custom` filters by one option of a custom select field. */
  employees(query: PageQuery, departmentId?: string | null, custom?: CustomFilter | null) {
    const params = { ...toParams(query), ...(departmentId ? { departmentId } : {}), ...(custom ?? {}) };
    return this.http.get<Paged<Employee>>('/api/hr/employees', { params });
  }
  employee(id: string) { return this.http.get<Employee>(`/api/hr/employees/${id}`); }
  nationalId(id: string) { return this.http.get<{ nationalId: string }>(`/api/hr/employees/${id}/national-id`); }
  createEmployee(body: SaveEmployee) { return this.http.post<Employee>('/api/hr/employees', body); }
  updateEmployee(id: string, body: SaveEmployee) { return this.http.put<Employee>(`/api/hr/employees/${id}`, body); }

  openings() { return this.http.get<JobOpening[]>('/api/hr/job-openings'); }
  createOpening(body: SaveJobOpening) { return this.http.post<JobOpening>('/api/hr/job-openings', body); }
  updateOpening(id: string, body: SaveJobOpening) { return this.http.put<JobOpening>(`/api/hr/job-openings/${id}`, body); }

  candidates(query: PageQuery, openingId?: string | null) {
    const params = { ...toParams(query), ...(openingId ? { openingId } : {}) };
    return this.http.get<Paged<Candidate>>('/api/hr/candidates', { params });
  }
  candidate(id: string) { return this.http.get<Candidate>(`/api/hr/candidates/${id}`); }
  createCandidate(body: SaveCandidate) { return this.http.post<Candidate>('/api/hr/candidates', body); }
  move(id: string, stage: CandidateStage, reason?: string) { return this.http.post<Candidate>(`/api/hr/candidates/${id}/move`, { stage, reason: reason ?? null }); }
  recordInterview(id: string, body: Omit<Interview, 'id'>) { return this.http.post<Candidate>(`/api/hr/candidates/${id}/interviews`, body); }
  makeOffer(id: string, body: MakeOffer) { return this.http.post<Candidate>(`/api/hr/candidates/${id}/offer`, body); }
  hire(id: string) { return this.http.post<HireResult>(`/api/hr/candidates/${id}/hire`, {}); }
}
