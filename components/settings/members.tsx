"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { addMemberSchema } from "@/lib/validation/admin";
import { api, ApiError } from "@/components/client/api";
import { useErrorText } from "@/components/client/error-text";
import { Field } from "@/components/ui/field";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { PeopleTable } from "@/components/ui/people-table";
import "@/components/settings/settings.css";

type Role = "reviewer" | "editor";
export type MemberRow = { userId: string; email: string; name: string; role: Role; since: string };
type AddValues = z.input<typeof addMemberSchema>;
type Added = { userId: string; role: Role; createdAt: string; created: boolean; user: { id: string; email: string; name: string } };

/** The project's members; admins add them by email, change their role and remove them. */
export function Members({ projectId, initial, canManage, viewerId }: { projectId: string; initial: MemberRow[]; canManage: boolean; viewerId: string }) {
  const t = useTranslations("settings.members");
  const errorText = useErrorText();
  const c = useTranslations("common");
  const format = useFormatter();
  const router = useRouter();
  const [members, setMembers] = useState(initial);

  const failed = (e: unknown) => toast.error(e instanceof ApiError ? t("failed", { message: errorText(e) }) : t("network"));

  const changeRole = async (m: MemberRow, role: Role) => {
    try {
      await api<Added>("POST", `/api/v1/projects/${projectId}/members`, { email: m.email, role });
      setMembers((ms) => ms.map((x) => (x.userId === m.userId ? { ...x, role } : x)));
      toast.success(t("roleChanged", { name: m.name, role: c(`roles.${role}`) }));
      router.refresh();
    } catch (e) {
      failed(e);
    }
  };

  const remove = async (m: MemberRow) => {
    try {
      await api("DELETE", `/api/v1/projects/${projectId}/members/${encodeURIComponent(m.userId)}`);
      setMembers((ms) => ms.filter((x) => x.userId !== m.userId));
      toast.success(t("removed", { name: m.name }));
      router.refresh();
      return true;
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) {
        setMembers((ms) => ms.filter((x) => x.userId !== m.userId));
        toast.info(t("alreadyGone", { name: m.name }));
        return true;
      }
      failed(e);
      return false;
    }
  };

  return (
    <section className="stack" aria-labelledby="members-title" data-testid="members">
      <h2 id="members-title">{t("title")} (<bdi dir="ltr">{format.number(members.length)}</bdi>)</h2>
      {!canManage && <p className="muted">{t("adminsOnly")}</p>}
      {members.length === 0 ? (
        <p className="muted">{t("none")}</p>
      ) : (
        <PeopleTable
          caption={t("title")}
          labels={{ name: t("name"), email: t("email") }}
          columns={[t("role"), t("since")]}
          actionsLabel={canManage ? t("actions") : undefined}
          rows={members}
          keyOf={(m) => m.userId}
          rowProps={() => ({ "data-testid": "member" })}
          badge={(m) => m.userId === viewerId && <span className="badge">{t("you")}</span>}
          cells={(m) => (
            <>
              <td>{canManage ? <RoleChanger member={m} onChange={changeRole} /> : c(`roles.${m.role}`)}</td>
              <td><bdi>{format.dateTime(new Date(m.since), { dateStyle: "medium" })}</bdi></td>
              {canManage && (
                <td>
                  <ConfirmDialog
                    trigger={<>{t("remove")}<span className="visually-hidden"> <bdi>{m.name}</bdi></span></>}
                    triggerClassName="secondary danger"
                    title={t("removeTitle", { name: m.name })}
                    description={<p>{t("removeBody", { name: m.name })}</p>}
                    confirmLabel={t("removeConfirm")}
                    cancelLabel={c("cancel")}
                    danger
                    onConfirm={() => remove(m)}
                  />
                </td>
              )}
            </>
          )}
        />
      )}
      {canManage && (
        <AddMember
          projectId={projectId}
          onAdded={(row, created) => {
            setMembers((ms) => (created ? [...ms, row] : ms.map((x) => (x.userId === row.userId ? { ...x, role: row.role } : x))));
            toast.success(created ? t("added", { name: row.name }) : t("roleChanged", { name: row.name, role: c(`roles.${row.role}`) }));
            router.refresh();
          }}
        />
      )}
    </section>
  );
}

function RoleChanger({ member, onChange }: { member: MemberRow; onChange: (m: MemberRow, role: Role) => Promise<void> }) {
  const t = useTranslations("settings.members");
  const c = useTranslations("common");
  const [role, setRole] = useState<Role>(member.role);
  const [busy, setBusy] = useState(false);
  const id = `role-${member.userId}`;
  return (
    <form
      className="member-role"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        try {
          await onChange(member, role);
        } finally {
          setBusy(false);
        }
      }}
    >
      <label htmlFor={id} className="visually-hidden">{t("roleOf", { name: member.name })}</label>
      <select id={id} value={role} onChange={(e) => setRole(e.target.value as Role)}>
        <option value="reviewer">{c("roles.reviewer")}</option>
        <option value="editor">{c("roles.editor")}</option>
      </select>
      <button type="submit" className="secondary" disabled={busy || role === member.role}>
        {t("changeRole")}<span className="visually-hidden"> <bdi>{member.name}</bdi></span>
      </button>
    </form>
  );
}

function AddMember({ projectId, onAdded }: { projectId: string; onAdded: (row: MemberRow, created: boolean) => void }) {
  const t = useTranslations("settings.members");
  const errorText = useErrorText();
  const c = useTranslations("common");
  const form = useForm<AddValues, unknown, z.output<typeof addMemberSchema>>({
    resolver: zodResolver(addMemberSchema),
    defaultValues: { email: "", role: "reviewer" },
  });
  const err = form.formState.errors;
  const submit = form.handleSubmit(async (values) => {
    try {
      const added = await api<Added>("POST", `/api/v1/projects/${projectId}/members`, values);
      onAdded({ userId: added.user.id, email: added.user.email, name: added.user.name, role: added.role, since: added.createdAt }, added.created);
      form.reset({ email: "", role: values.role });
    } catch (e) {
      if (e instanceof ApiError && e.status === 400 && e.body.error?.fields?.email) {
        // The form already checked the address's shape: the server's objection is that no one has it.
        form.setError("email", { type: "server", message: e.body.error.fields.email });
      } else if (e instanceof ApiError && e.status === 400 && e.body.error?.fields?.role) {
        form.setError("role", { type: "server", message: e.body.error.fields.role });
      } else {
        toast.error(e instanceof ApiError ? t("failed", { message: errorText(e) }) : t("network"));
      }
    }
  });
  return (
    <form className="card stack" onSubmit={submit} noValidate aria-labelledby="add-member-title" data-testid="add-member">
      <h3 id="add-member-title">{t("addTitle")}</h3>
      <div className="add-member">
        <Field id="member-email" label={t("email")} error={err.email && (err.email.type === "server" ? t("errors.unknownUser") : t("errors.email"))}>
          <input type="email" dir="ltr" autoComplete="off" {...form.register("email")} />
        </Field>
        <Field id="member-role" label={t("role")} error={err.role && t("errors.role")}>
          <select {...form.register("role")}>
            <option value="reviewer">{c("roles.reviewer")}</option>
            <option value="editor">{c("roles.editor")}</option>
          </select>
        </Field>
        <div className="submit">
          <button type="submit" disabled={form.formState.isSubmitting}>{t("add")}</button>
        </div>
      </div>
      <p className="muted small">{t("addHint")}</p>
    </form>
  );
}
