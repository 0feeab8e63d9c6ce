import { Menu } from 'react-admin';

/** The resources the person's role may reach (App.tsx declares only those), supervision first. */
export function ConsoleMenu() {
  return (
    <Menu>
      <Menu.ResourceItem name="echeances" />
      <Menu.ResourceItem name="dossiers" />
      <Menu.ResourceItem name="emails" />
      <Menu.ResourceItem name="prefectures" />
      <Menu.ResourceItem name="staff" />
    </Menu>
  );
}
