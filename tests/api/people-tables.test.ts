// The users admin and a project's members are one table piece (components/ui/people-table.tsx):
// each person a row headed by their name, their email as Latin text, the actions column only
// for whoever may act. Read from the pages' server-rendered HTML.
import { describe, expect, it } from "vitest";
import { makeDesk } from "../factories";
import { getPage, sessionFor } from "./harness";

const count = (html: string, s: string) => html.split(s).length - 1;
/** The <table> of the page that holds `marker`. */
const tableWith = (html: string, marker: string) => {
  const at = html.indexOf(marker);
  return html.slice(html.lastIndexOf("<table", at), html.indexOf("</table>", at));
};

describe("people tables", () => {
  it("the users admin lists every account by name and email, with an actions column", async () => {
    const desk = await makeDesk();
    const page = await getPage("/admin/users", await sessionFor(desk.admin.user.email));
    expect(page.status).toBe(200);
    const table = tableWith(page.html, 'data-testid="user-row"');
    for (const who of [desk.admin, desk.editor, desk.reviewer, desk.outsider]) {
      expect(table).toContain(`<bdi dir="ltr">${who.user.email}</bdi>`);
    }
    expect(table).toMatch(/<th scope="row"><bdi>Admin<\/bdi> ?<span class="badge">/);
    // Name, email, last sign-in, state, and the hidden heading of the buttons.
    expect(count(table.slice(0, table.indexOf("</thead>")), '<th scope="col"')).toBe(5);
  });

  it("a project's members: an admin gets the actions column, an editor does not", async () => {
    const desk = await makeDesk();
    const path = `/projects/${desk.project.id}/settings`;
    for (const [who, columns] of [[desk.admin, 5], [desk.editor, 4]] as const) {
      const page = await getPage(path, await sessionFor(who.user.email));
      expect(page.status, who.user.email).toBe(200);
      const table = tableWith(page.html, 'data-testid="member"');
      expect(count(table, 'data-testid="member"'), who.user.email).toBe(3);
      for (const member of [desk.editor, desk.reviewer, desk.reviewer2]) expect(table).toContain(`<bdi dir="ltr">${member.user.email}</bdi>`);
      expect(count(table.slice(0, table.indexOf("</thead>")), '<th scope="col"'), who.user.email).toBe(columns);
    }
  });
});
