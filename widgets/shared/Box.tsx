import type { ComponentChildren } from "preact";

/** One sidebar box: a labelled section with its heading. */
export function Box(props: {
  id: string;
  title: string;
  widget: string;
  children: ComponentChildren;
  attrs?: Record<string, string>;
}) {
  const headingId = `sidebar-${props.id}`;
  return (
    <section class={`widget widget-${props.widget}`} aria-labelledby={headingId} data-widget={props.widget} {...props.attrs}>
      <h2 class="widget-title" id={headingId}>
        {props.title}
      </h2>
      {props.children}
    </section>
  );
}
